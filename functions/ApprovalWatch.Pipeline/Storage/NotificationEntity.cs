using Azure;
using Azure.Data.Tables;

namespace ApprovalWatch.Storage;

/// <summary>
/// A row of the Notifications ledger: PartitionKey = office date (yyyy-MM-dd), RowKey = escaped
/// recipient. One digest per recipient and day, never two.
/// </summary>
public sealed class NotificationEntity : ITableEntity
{
    public const string Queued = "queued";
    public const string Sending = "sending";
    public const string Sent = "sent";

    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Recipient { get; set; } = "";

    public string State { get; set; } = Queued;

    public int Lines { get; set; }

    public DateTimeOffset? ClaimedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public string? MessageId { get; set; }

    public string? Subject { get; set; }
}
