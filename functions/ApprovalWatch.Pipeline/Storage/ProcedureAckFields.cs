using ApprovalWatch.Domain.Acknowledgements;
using ApprovalWatch.Domain.Text;
using Azure;
using Azure.Data.Tables;

namespace ApprovalWatch.Pipeline.Storage;

/// <summary>
/// The columns of a Procedures row that an acknowledgement writes (the board's <c>/ack</c>), merged conditional on
/// the ETag the page read; ingestion carries them over when it replaces a row, the scan reads them.
/// </summary>
public sealed class ProcedureAckFields : ITableEntity
{
    /// <summary>Notes are cut to this length before they are stored.</summary>
    public const int MaxNote = 500;

    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string? AckBy { get; set; }

    public string? AckByName { get; set; }

    public string? AckOn { get; set; }

    public string? PromisedOn { get; set; }

    public int? AckRung { get; set; }

    public string? AckNote { get; set; }

    /// <summary>The id of the token that made the acknowledgement: the same link used again changes nothing.</summary>
    public string? AckTokenId { get; set; }

    /// <summary>Promises broken before this one (<see cref="Acknowledgement.Penalty"/>).</summary>
    public int? AckPenalty { get; set; }

    /// <summary>An acknowledgement of a row as read (its ETag), made with the token <paramref name="tokenId"/>.</summary>
    public static ProcedureAckFields For(ProcedureEntity row, Acknowledgement ack, string tokenId) => new()
    {
        PartitionKey = row.PartitionKey,
        RowKey = row.RowKey,
        ETag = row.ETag,
        AckBy = ack.By,
        AckByName = ack.ByName,
        AckOn = IsoDate.Format(ack.On),
        PromisedOn = IsoDate.Format(ack.PromisedOn),
        AckRung = ack.Rung,
        AckNote = ack.Note[..Math.Min(ack.Note.Length, MaxNote)],
        AckTokenId = tokenId,
        AckPenalty = ack.Penalty,
    };

    /// <summary>These columns as a row holds them.</summary>
    public static ProcedureAckFields Of(ProcedureEntity row) => new()
    {
        PartitionKey = row.PartitionKey,
        RowKey = row.RowKey,
        AckBy = row.AckBy,
        AckByName = row.AckByName,
        AckOn = row.AckOn,
        PromisedOn = row.PromisedOn,
        AckRung = row.AckRung,
        AckNote = row.AckNote,
        AckTokenId = row.AckTokenId,
        AckPenalty = row.AckPenalty,
    };

    /// <summary>Writes these columns into a row about to be stored whole.</summary>
    public void CopyTo(ProcedureEntity row) =>
        (row.AckBy, row.AckByName, row.AckOn, row.PromisedOn, row.AckRung, row.AckNote, row.AckTokenId, row.AckPenalty) = (
            AckBy,
            AckByName,
            AckOn,
            PromisedOn,
            AckRung,
            AckNote,
            AckTokenId,
            AckPenalty
        );
}
