using ApprovalWatch.Domain.Text;

namespace ApprovalWatch.Pipeline.Storage;

/// <summary>Where a mail's row sits in the Notifications ledger: one mail per key, ever.</summary>
public readonly record struct NotificationKey(string Partition, string Row);

/// <summary>
/// The keys of the Notifications ledger: PartitionKey = the office date of a mail (one per recipient and day), or
/// <see cref="Replies"/> for receipt replies (one per file content and contact, whatever the day); RowKey = what
/// was sent to whom.
/// </summary>
public static class NotificationKeys
{
    public const string Replies = "replies";

    /// <summary>The partition of supervision notices' mails (one per notice, recipient and role, whatever the day).</summary>
    public const string Notices = "notices";

    /// <summary>The partition of the monthly bulletins' mails (one per month and reader).</summary>
    public const string Monthly = "monthly";

    public static string Day(DateOnly date) => IsoDate.Format(date);

    /// <summary>A recipient's digest of the day: one per recipient and day.</summary>
    public static NotificationKey Digest(DateOnly date, string recipient) => new(Day(date), Person(recipient));

    /// <summary>A week's scheduling report to one person (its partition is the week's Monday).</summary>
    public static NotificationKey Weekly(DateOnly monday, string recipient) => new(Day(monday), $"weekly|{Person(recipient)}");

    /// <summary>The day's operator report to one operator.</summary>
    public static NotificationKey Operator(DateOnly date, string recipient) => new(Day(date), $"operator|{Person(recipient)}");

    /// <summary>The receipt of one file's content to one department contact (the file by a hash of its name, which may be long).</summary>
    public static NotificationKey Reply(string recipient, string contentHash, string file) =>
        new(Replies, $"reply|{TableKey.Escape(recipient)}|{contentHash[..Math.Min(16, contentHash.Length)]}|{TableKey.Hash(file)}");

    private static string Person(string recipient) => TableKey.Escape(recipient.ToLowerInvariant());
}
