namespace ApprovalWatch.Domain.Digests;

/// <summary>
/// A recipient's last digest (and the one before it), so that a digest made again on the same day is compared
/// with the same previous one.
/// </summary>
public sealed record DigestMemory(
    DateOnly Date,
    IReadOnlyList<DigestItem> Items,
    DateOnly? PreviousDate = null,
    IReadOnlyList<DigestItem>? PreviousItems = null
)
{
    /// <summary>The items of the last digest before <paramref name="day"/>; null when there was none.</summary>
    public IReadOnlyList<DigestItem>? Before(DateOnly day) =>
        Date < day ? Items : PreviousDate < day ? PreviousItems : null;

    /// <summary>The memory once the digest of <paramref name="day"/> holds <paramref name="items"/>.</summary>
    public DigestMemory After(DateOnly day, IReadOnlyList<DigestItem> items) =>
        Date == day ? this with { Items = items } : Date < day ? new DigestMemory(day, items, Date, Items) : this;
}
