using System.Runtime.Serialization;
using ApprovalWatch.Domain.Text;
using Azure;
using Azure.Data.Tables;

namespace ApprovalWatch.Pipeline.Storage;

/// <summary>
/// A row of the Notifications ledger (keys: <see cref="NotificationKeys"/>): one mail to one recipient and
/// its state — queued → sending → sent, or retrying (a transient failure, tried again at
/// <see cref="NextAttemptAt"/>), failed (with the reason) or uncertain (the outcome of a send is unknown).
/// </summary>
public sealed class NotificationEntity : ITableEntity
{
    public const string Queued = "queued";
    public const string Sending = "sending";
    public const string Sent = "sent";
    public const string Retrying = "retrying";
    public const string Failed = "failed";
    public const string Uncertain = "uncertain";

    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Recipient { get; set; } = "";

    public string State { get; set; } = Queued;

    public int Lines { get; set; }

    /// <summary>The kind of mail (<see cref="NotifyMessage.Kind"/>), and what it is about.</summary>
    public string? Kind { get; set; }

    public string? About { get; set; }

    // Rows written before kinds were named say the kind by which of these is set (NotifyMessage.Legacy); read only.
    public string? Receipt { get; set; }

    public bool Operator { get; set; }

    public string? Weekly { get; set; }

    /// <summary>The office date of the mail (a digest's day, a reply's day of ingestion).</summary>
    public string Date { get; set; } = "";

    public int Attempts { get; set; }

    public DateTimeOffset? ClaimedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public string? MessageId { get; set; }

    public string? Subject { get; set; }

    public DateTimeOffset? NextAttemptAt { get; set; }

    /// <summary>For failed and uncertain rows: <see cref="Mail.DeliveryFailure"/>, and the provider's words.</summary>
    public string? Failure { get; set; }

    public string? Reason { get; set; }

    public DateTimeOffset? FailedAt { get; set; }

    [IgnoreDataMember]
    public bool IsSettled => State is Sent or Failed or Uncertain;

    /// <summary>The ledger row of a message's mail, the one way every row is made.</summary>
    public static NotificationEntity Of(NotifyMessage message, NotificationKey key, string state, int lines) => new()
    {
        PartitionKey = key.Partition,
        RowKey = key.Row,
        Kind = message.Kind,
        About = message.About,
        Recipient = message.Recipient,
        Date = IsoDate.Format(message.Date),
        State = state,
        Lines = lines,
    };

    /// <summary>The message that sends this row's mail again.</summary>
    public NotifyMessage ToMessage()
    {
        var (kind, about) = Kind is null ? NotifyMessage.Legacy(Receipt, Operator, Weekly) : (Kind, About);
        return new NotifyMessage(kind, IsoDate.Parse(Date), Recipient, about);
    }
}
