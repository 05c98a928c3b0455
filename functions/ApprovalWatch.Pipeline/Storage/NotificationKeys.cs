namespace ApprovalWatch.Storage;

/// <summary>
/// The keys of the Notifications ledger: PartitionKey = the office date of a digest (one per recipient and
/// day), or <see cref="Replies"/> for receipt replies (one per file content and contact, whatever the day);
/// RowKey = what was sent to whom.
/// </summary>
public static class NotificationKeys
{
    public const string Replies = "replies";

    public static string Day(DateOnly date) => IsoDate.Format(date);

    /// <summary>A recipient's digest of the day: one per recipient and day.</summary>
    public static string Digest(string recipient) => TableKey.Escape(recipient.ToLowerInvariant());

    /// <summary>A week's scheduling report to one person (its partition is the week's Monday).</summary>
    public static string Weekly(string recipient) => $"weekly|{TableKey.Escape(recipient.ToLowerInvariant())}";

    /// <summary>The day's operator report to one operator.</summary>
    public static string Operator(string recipient) => $"operator|{TableKey.Escape(recipient.ToLowerInvariant())}";

    /// <summary>The receipt of one file's content to one department contact (the file by a hash of its name, which may be long).</summary>
    public static string Reply(string recipient, string contentHash, string file) =>
        $"reply|{TableKey.Escape(recipient)}|{contentHash[..Math.Min(16, contentHash.Length)]}|{TableKey.Hash(file)}";
}
