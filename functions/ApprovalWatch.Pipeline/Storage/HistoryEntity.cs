using Azure;
using Azure.Data.Tables;

namespace ApprovalWatch.Pipeline.Storage;

/// <summary>
/// An audit row of the History table: every status and flag change. PartitionKey = project code (so a
/// project's changes go in one batch), RowKey = procedure | kind | when — deterministic, so a retried
/// step writes the same row again instead of a second one.
/// </summary>
public sealed class HistoryEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Procedure { get; set; } = "";

    /// <summary><c>status</c> or <c>flag</c>.</summary>
    public string Kind { get; set; } = "";

    public string? From { get; set; }

    public string To { get; set; } = "";

    public DateTimeOffset At { get; set; }

    /// <summary>The file that reported a status change, or <c>scan</c>.</summary>
    public string Source { get; set; } = "";

    public static HistoryEntity Change(string project, string procedure, string kind, string? from, string to, DateTimeOffset at, string source) => new()
    {
        PartitionKey = project,
        RowKey = $"{procedure}|{kind}|{at.UtcDateTime:yyyyMMddTHHmmssfffZ}",
        Procedure = procedure,
        Kind = kind,
        From = from,
        To = to,
        At = at,
        Source = source,
    };
}
