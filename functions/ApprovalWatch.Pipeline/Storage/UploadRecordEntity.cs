using Azure;
using Azure.Data.Tables;

namespace ApprovalWatch.Pipeline.Storage;

/// <summary>
/// Who uploaded a file on the board, as the app recorded it (never what the blob's metadata says, which a department may
/// write itself): in the Submissions ledger's <c>uploads</c> partition, RowKey = a hash of the blob's name; the version
/// uploaded last.
/// </summary>
public sealed class UploadRecordEntity : ITableEntity
{
    public const string Partition = "uploads";

    public string PartitionKey { get; set; } = Partition;

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string BlobName { get; set; } = "";

    public string BlobETag { get; set; } = "";

    public string Uploader { get; set; } = "";

    public DateTimeOffset UploadedAt { get; set; }
}
