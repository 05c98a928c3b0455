using ApprovalWatch.Domain.Staff;

namespace ApprovalWatch.Domain.Digests;

/// <summary>
/// AB角: a line for someone away on the day goes to whoever stands in for him — his deputy (directory's
/// <c>deputy</c>) when the deputy is not away too, else his department's head, else (for a head) the department's
/// leader — marked as on his behalf. Nobody's alert waits for a person on leave; with nobody to stand in, the line
/// stays his (and the gap shows).
/// </summary>
public static class Cover
{
    public static IEnumerable<RoutedLine> Apply(IEnumerable<RoutedLine> routed, StaffDirectory staff, LeaveBook leave, DateOnly date) =>
        routed.Select(r => leave.IsAway(r.To, date) && StandIn(r.To, staff, leave, date) is { } standIn ? r with { To = standIn, OnBehalfOf = r.To } : r);

    /// <summary>Who receives a person's lines while he is away on a date; null when nobody can.</summary>
    public static string? StandIn(string email, StaffDirectory staff, LeaveBook leave, DateOnly date)
    {
        var person = staff.Find(email);
        if (person is null)
        {
            return null;
        }

        IEnumerable<Person> candidates =
        [
            .. person.Deputy is { Length: > 0 } deputy && staff.Find(deputy) is { } b ? [b] : Array.Empty<Person>(),
            .. person.Has(Role.Head) ? [] : staff.WithRole(Role.Head, person.Department),
            .. staff.WithRole(Role.Leader, person.Department),
        ];
        return candidates
            .Where(c => !c.Email.Equals(email, StringComparison.OrdinalIgnoreCase) && !leave.IsAway(c.Email, date))
            .Select(c => c.Email.ToLowerInvariant())
            .FirstOrDefault();
    }
}
