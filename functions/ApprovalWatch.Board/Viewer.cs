using ApprovalWatch.Domain.Staff;

namespace ApprovalWatch.Board;

/// <summary>
/// Who is looking and what he may see, from the directory, the union of what each of his roles sees: leaders,
/// coordinators and operators every department; a department head and handlers their own department; a contact
/// alone only the page where he submits his department's files (everything else 403, as for anyone not in the
/// directory). Everyone submits for his own department only.
/// </summary>
public sealed record Viewer(Person Person)
{
    private static readonly Role[] SeeAll = [Role.Leader, Role.Coordinator, Role.Operator];
    private static readonly Role[] SeeOwn = [Role.Head, Role.Handler];

    /// <summary>The department the viewer is limited to, or null for all.</summary>
    public string? Department => SeeAll.Any(Person.Has) ? null : Person.Department;

    public bool Chinese => Person.Language != Language.English;

    public bool MaySee(string department) => Department is null || Department == department;

    /// <summary>A contact and nothing more: he submits files and sees their receipts, no board.</summary>
    public bool SubmitsOnly => !SeeAll.Any(Person.Has) && !SeeOwn.Any(Person.Has);

    /// <summary>
    /// The person a signed-in name is, matched to the directory exactly: an address of ASCII characters only, compared
    /// without regard to ASCII case (a look-alike letter from another script matches nobody); null for anyone else.
    /// </summary>
    public static Viewer? Of(string? principal, StaffDirectory staff) =>
        principal is { Length: > 0 } email
        && email.All(char.IsAscii)
        && staff.Find(email) is { } person
        && (SeeAll.Any(person.Has) || SeeOwn.Any(person.Has) || person.Has(Role.Contact))
            ? new Viewer(person)
            : null;
}
