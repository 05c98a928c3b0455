using Azure;
using Azure.Data.Tables;

namespace ApprovalWatch.Pipeline.Storage;

/// <summary>
/// A row of the Submissions ledger: PartitionKey = department, RowKey = SHA-256 of the file's content.
/// The same content dropped twice, under any name, is applied once.
/// </summary>
public sealed class SubmissionRecordEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string BlobName { get; set; } = "";

    public DateTimeOffset AppliedAt { get; set; }

    public int Applied { get; set; }

    public int Unchanged { get; set; }

    public int Stale { get; set; }

    public int Rejected { get; set; }
}
