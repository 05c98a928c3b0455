using ApprovalWatch.Domain.Catalogue;
using ApprovalWatch.Domain.Text;

namespace ApprovalWatch.Domain.Staff;

/// <summary>The people the pipeline writes to (<c>config/directory.csv</c>).</summary>
public sealed class StaffDirectory
{
    private readonly Dictionary<string, Person> _byEmail;

    public StaffDirectory(IEnumerable<Person> people) =>
        _byEmail = people.ToDictionary(p => p.Email, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<Person> People => _byEmail.Values;

    public Person? Find(string email) => _byEmail.GetValueOrDefault(email.Trim());

    /// <summary>A person's name, or the address itself when the directory does not know it.</summary>
    public string NameOf(string email) => Find(email)?.Name ?? email;

    /// <summary>Who reads the weekly report and the monthly bulletin: the leaders, the coordinators and the department heads, by address.</summary>
    public IReadOnlyList<Person> ReportReaders() =>
        [.. People.Where(p => p.Has(Role.Leader) || p.Has(Role.Coordinator) || p.Has(Role.Head)).OrderBy(p => p.Email, StringComparer.Ordinal)];

    public IEnumerable<Person> WithRole(Role role, string? department = null) =>
        _byEmail.Values.Where(p => p.Has(role) && (department is null || p.Department == department));

    private static readonly Dictionary<string, Role> RoleNames = Enum.GetValues<Role>()
        .ToDictionary(r => r.ToString().ToLowerInvariant(), StringComparer.OrdinalIgnoreCase);

    /// <summary>The roles a cell names (<c>head;contact</c>), each by its exact name; null when any is not a role.</summary>
    public static IReadOnlyList<Role>? ParseRoles(string cell)
    {
        var roles = new List<Role>();
        foreach (var name in cell.Split([';', '；']).Select(n => n.Trim()))
        {
            if (!RoleNames.TryGetValue(name, out var role))
            {
                return null;
            }

            if (!roles.Contains(role))
            {
                roles.Add(role);
            }
        }

        return roles.Count > 0 ? roles : null;
    }

    public static StaffDirectory Parse(TextReader reader)
    {
        var table = CsvTable.Parse("directory.csv", reader, "email", "name", "department", "role");
        var people = new List<Person>();
        foreach (var row in table.Rows)
        {
            var email = table.Required(row, "email");
            if (!EmailAddress.IsValid(email))
            {
                throw table.Error(row, $"'{email}' is not an email address");
            }

            var department = table.Required(row, "department");
            if (Department.Find(department) is null)
            {
                throw table.Error(row, Department.Unknown(department));
            }

            var roles = ParseRoles(table.Required(row, "role"))
                ?? throw table.Error(
                    row,
                    $"role '{table.Get(row, "role")}' is not one or more of {string.Join(", ", RoleNames.Keys)}, separated by ';' (e.g. head;contact)"
                );

            if (people.Any(p => p.Email.Equals(email, StringComparison.OrdinalIgnoreCase)))
            {
                throw table.Error(row, $"'{email}' appears twice");
            }

            var calendar = table.Get(row, "calendar");
            var language = table.Get(row, "language") is { Length: > 0 } code
                ? Languages.Find(code) ?? throw table.Error(row, $"language '{code}' is not zh or en")
                : Language.Chinese;
            people.Add(
                new Person(
                    email,
                    table.Required(row, "name"),
                    department,
                    roles[0],
                    calendar.Length > 0 ? calendar : Calendar.CalendarSet.National,
                    language
                )
                {
                    Roles = roles.ToHashSet(),
                    Deputy = table.Get(row, "deputy").ToLowerInvariant(),
                }
            );
        }

        return new StaffDirectory(people);
    }
}
