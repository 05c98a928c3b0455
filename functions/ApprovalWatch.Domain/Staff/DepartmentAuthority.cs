namespace ApprovalWatch.Domain.Staff;

/// <summary>
/// Who decides for a department — signs for a problem (签收), sends it back (退单), answers a supervision notice (回告):
/// its head, or whoever stands in for him on the day (<see cref="StandIns"/>). Handlers and leaders see such items, and
/// are told who may act.
/// </summary>
public static class DepartmentAuthority
{
    public static bool ActsFor(string email, string department, StaffDirectory staff, LeaveBook leave, DateOnly today) =>
        Acting(department, staff, leave, today).Any(a => a.Email.Equals(email, StringComparison.OrdinalIgnoreCase));

    /// <summary>Who may act for the department on the day, by name: each head, or his stand-in (代).</summary>
    public static string WhoActs(string department, StaffDirectory staff, LeaveBook leave, DateOnly today) =>
        string.Join("、", Acting(department, staff, leave, today).Select(a => a.Name));

    private static IEnumerable<(string Email, string Name)> Acting(string department, StaffDirectory staff, LeaveBook leave, DateOnly today) =>
        staff.WithRole(Role.Head, department).Select(head =>
            StandIns.For(head.Email, staff, leave, today) is { } standIn ? (standIn, $"{staff.NameOf(standIn)}（代 {head.Name}）") : (head.Email, head.Name)
        );
}
