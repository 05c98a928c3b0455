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

    public IEnumerable<Person> WithRole(Role role, string? department = null) =>
        _byEmail.Values.Where(p => p.Role == role && (department is null || p.Department == department));

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

            if (!Enum.TryParse<Role>(table.Required(row, "role"), ignoreCase: true, out var role))
            {
                throw table.Error(row, $"role '{table.Get(row, "role")}' is not handler, head, leader, coordinator, contact or operator");
            }

            if (people.Any(p => p.Email.Equals(email, StringComparison.OrdinalIgnoreCase)))
            {
                throw table.Error(row, $"'{email}' appears twice");
            }

            var calendar = table.Get(row, "calendar");
            var language = table.Get(row, "language") is { Length: > 0 } code
                ? Languages.Find(code) ?? throw table.Error(row, $"language '{code}' is not zh or en")
                : Language.Chinese;
            people.Add(new Person(email, table.Required(row, "name"), department, role, calendar.Length > 0 ? calendar : Calendar.CalendarSet.National, language));
        }

        return new StaffDirectory(people);
    }
}
