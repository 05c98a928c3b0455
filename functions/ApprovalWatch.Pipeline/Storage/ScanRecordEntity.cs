using Azure;
using Azure.Data.Tables;

namespace ApprovalWatch.Pipeline.Storage;

/// <summary>A row of the Scans table: one per office day the daily scan ran. PartitionKey = <see cref="Partition"/>, RowKey = the date.</summary>
public sealed class ScanRecordEntity : ITableEntity
{
    public const string Partition = "scan";

    public string PartitionKey { get; set; } = Partition;

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public DateTimeOffset RanAt { get; set; }

    public int Digests { get; set; }

    public int Queued { get; set; }

    /// <summary>Comma-separated: the working days before this one on which no scan ran.</summary>
    public string Missed { get; set; } = "";

    /// <summary>The day's procedures by county and department and flag (<see cref="Domain.Scanning.ScanCounts.Cells"/>) as JSON: the board shows them
    /// without a scan of its own.</summary>
    public string? Cells { get; set; }
}
