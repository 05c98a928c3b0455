using Azure;
using Azure.Data.Tables;

namespace ApprovalWatch.Pipeline.Storage;

/// <summary>
/// A row of the Submissions ledger for a blob version in flight: PartitionKey = <see cref="Partition"/>,
/// RowKey = a hash of the blob name. <c>queued</c> while it waits in the ingest queue, <c>applying</c> while an
/// ingestion holds it (renewing <see cref="ClaimedUntil"/>); gone once its receipt is written.
/// </summary>
public sealed class IngestClaimEntity : ITableEntity
{
    public const string Partition = "in-flight";
    public const string Queued = "queued";
    public const string Applying = "applying";

    /// <summary>Not even a receipt could be written for the version: recorded once, never queued again.</summary>
    public const string Refused = "refused";

    public string PartitionKey { get; set; } = Partition;

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string BlobName { get; set; } = "";

    /// <summary>The version in flight (the blob's ETag, without quotes).</summary>
    public string BlobETag { get; set; } = "";

    public string State { get; set; } = Queued;

    public DateTimeOffset ClaimedUntil { get; set; }

    /// <summary>How many times the version was queued: more than one means an ingestion stopped before its receipt.</summary>
    public int Queueings { get; set; }

    /// <summary>For a refused version: why.</summary>
    public string? Reason { get; set; }

    public bool Holds(string etag, DateTimeOffset now) => BlobETag == etag.Trim('"') && (State == Refused || ClaimedUntil > now);

    /// <summary>Past its claim, or queued more than once: the file waits for an operator.</summary>
    public bool IsStalled(DateTimeOffset now) => State != Refused && (ClaimedUntil <= now || Queueings > 1);
}
