namespace ApprovalWatch.Domain.Staff;

/// <summary>
/// A person the pipeline writes to; <paramref name="Calendar"/> sets the days and office hours he is written
/// to, <paramref name="Language"/> the one language his mail is written in. <paramref name="Role"/> is the first of
/// his <see cref="Roles"/> (a clerk may be a department's head and its contact too).
/// </summary>
public sealed record Person(
    string Email,
    string Name,
    string Department,
    Role Role,
    string Calendar = Calendar.CalendarSet.National,
    Language Language = Language.Chinese
)
{
    public IReadOnlySet<Role> Roles { get; init; } = new HashSet<Role> { Role };

    /// <summary>Who stands in for him while he is away (AB角), by address; empty when nobody is named.</summary>
    public string Deputy { get; init; } = "";

    public bool Has(Role role) => Roles.Contains(role);
}
