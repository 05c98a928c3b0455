namespace ApprovalWatch.Domain.Acknowledgements;

/// <summary>
/// An official's answer to a red or yellow line: "seen, will finish by <see cref="PromisedOn"/>". Until that day
/// the procedure stays on the rung it stood on (<see cref="Rung"/>); if the day passes unfinished it climbs one
/// rung higher than it would have. <see cref="Penalty"/> counts the promises on this procedure broken before this one:
/// each keeps the line a rung higher for good, whatever is acknowledged after.
/// </summary>
public sealed record Acknowledgement(string By, string ByName, DateOnly On, DateOnly PromisedOn, int Rung, string Note = "", int Penalty = 0)
{
    /// <summary>Notes are cut to this length before they are stored.</summary>
    public const int MaxNote = 500;

    /// <summary>A note as it is kept: trimmed, and cut to <see cref="MaxNote"/>.</summary>
    public static string Cut(string? note) => (note ?? "").Trim() is var text && text.Length > MaxNote ? text[..MaxNote] : text;

    /// <summary>The promise still holds on <paramref name="today"/>.</summary>
    public bool HoldsOn(DateOnly today) => today <= PromisedOn;
}
