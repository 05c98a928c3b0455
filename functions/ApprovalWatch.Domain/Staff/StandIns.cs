namespace ApprovalWatch.Domain.Staff;

/// <summary>
/// AB角, who stands in for whom: a person away on a day is stood in for by his deputy (the directory's <c>deputy</c>)
/// when the deputy is not away too, else by his department's head, else (for a head) the department's leader. The one
/// place that says it, for digests, notices, receipts, signed links, the leave page and the operator report.
/// </summary>
public static class StandIns
{
    /// <summary>Who would receive a person's lines were he away on a date; null when nobody can.</summary>
    public static string? Of(string email, StaffDirectory staff, LeaveBook leave, DateOnly date)
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

    /// <summary>Who stands in for a person on a date: null when he is not away, or nobody can.</summary>
    public static string? For(string email, StaffDirectory staff, LeaveBook leave, DateOnly date) =>
        leave.IsAway(email, date) ? Of(email, staff, leave, date) : null;

    /// <summary>Who receives what is addressed to a person on a date: whoever stands in for him while he is away, else he.</summary>
    public static string Receiver(string email, StaffDirectory staff, LeaveBook leave, DateOnly date) => For(email, staff, leave, date) ?? email;

    /// <summary>The name to print for a person on a date: his own, or while he is away whoever stands in, marked (代 him).</summary>
    public static string NameOn(string email, StaffDirectory staff, LeaveBook leave, DateOnly date) =>
        For(email, staff, leave, date) is { } standIn ? $"{staff.NameOf(standIn)}（代 {staff.NameOf(email)}）" : staff.NameOf(email);

    /// <summary>Away on a date with nobody to stand in (the operator report names the gap).</summary>
    public static bool Uncovered(string email, StaffDirectory staff, LeaveBook leave, DateOnly date) =>
        leave.IsAway(email, date) && Of(email, staff, leave, date) is null;
}
