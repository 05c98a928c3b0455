namespace ApprovalWatch.Domain.Acknowledgements;

/// <summary>
/// An official's answer to a red or yellow line: "seen, will finish by <see cref="PromisedOn"/>". Until that day
/// the procedure stays on the rung it stood on (<see cref="Rung"/>); if the day passes unfinished it climbs one
/// rung higher than it would have.
/// </summary>
public sealed record Acknowledgement(string By, string ByName, DateOnly On, DateOnly PromisedOn, int Rung, string Note = "")
{
    /// <summary>The promise still holds on <paramref name="today"/>.</summary>
    public bool HoldsOn(DateOnly today) => today <= PromisedOn;
}
