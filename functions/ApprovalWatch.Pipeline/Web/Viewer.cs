using ApprovalWatch.Domain.Staff;

namespace ApprovalWatch.Pipeline.Web;

/// <summary>
/// Who is looking and what he may see, from the directory: leaders, coordinators and operators see every
/// department; a department head and handlers see their own department; anyone else sees nothing (403).
/// </summary>
public sealed record Viewer(Person Person)
{
    /// <summary>The department the viewer is limited to, or null for all.</summary>
    public string? Department => Person.Role is Role.Leader or Role.Coordinator or Role.Operator ? null : Person.Department;

    public bool Chinese => Person.Language != Language.English;

    public bool MaySee(string department) => Department is null || Department == department;

    public static Viewer? Of(string? principal, StaffDirectory staff) =>
        principal is { Length: > 0 } email && staff.Find(email.Trim().ToLowerInvariant()) is { } person && person.Role is Role.Leader or Role.Coordinator or Role.Operator or Role.Head or Role.Handler
            ? new Viewer(person)
            : null;
}
