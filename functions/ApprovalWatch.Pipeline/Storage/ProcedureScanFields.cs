using ApprovalWatch.Deadlines;
using Azure;
using Azure.Data.Tables;

namespace ApprovalWatch.Storage;

/// <summary>
/// The columns of a Procedures row that the scan writes (a merge that leaves the reported facts alone);
/// ingestion carries them over when it replaces a row. Only what changes rarely is kept — the flag, the due
/// date — so a day's scan writes the rows whose state changed, not every open procedure; the working days left
/// change daily and are computed from the due date when read.
/// </summary>
public sealed class ProcedureScanFields : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; } = ETag.All;

    public string? Flag { get; set; }

    public string? DueOn { get; set; }

    public bool? FinishedLate { get; set; }

    public string? FlaggedOn { get; set; }

    public static ProcedureScanFields Of(ProcedureEntity row, Assessment assessment, DateOnly today) => new()
    {
        PartitionKey = row.PartitionKey,
        RowKey = row.RowKey,
        Flag = assessment.Flag.Code(),
        DueOn = IsoDate.Format(assessment.Deadline.DueOn),
        FinishedLate = assessment.FinishedLate,
        FlaggedOn = IsoDate.Format(today),
    };

    /// <summary>True when the row already says what these fields say (the day it was flagged aside).</summary>
    public bool SameAs(ProcedureEntity row) =>
        (Flag, DueOn, FinishedLate) == (row.Flag, row.DueOn, row.FinishedLate);
}
