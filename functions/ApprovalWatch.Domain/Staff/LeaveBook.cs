using ApprovalWatch.Domain.Text;

namespace ApprovalWatch.Domain.Staff;

/// <summary>Who is away when (<c>config/leave.csv</c>: <c>email,from,to</c>, both days included).</summary>
public sealed class LeaveBook
{
    public const string BlobName = "leave.csv";

    public static readonly LeaveBook None = new([]);

    private readonly List<(string Email, DateOnly From, DateOnly To)> _absences;

    public LeaveBook(IEnumerable<(string Email, DateOnly From, DateOnly To)> absences) =>
        _absences = [.. absences.Select(a => (a.Email.ToLowerInvariant(), a.From, a.To))];

    public bool IsAway(string email, DateOnly date) => _absences.Any(a => a.Email == email.ToLowerInvariant() && a.From <= date && date <= a.To);

    /// <summary>Until when the person is away on a date (the end of that absence), or null.</summary>
    public DateOnly? AwayUntil(string email, DateOnly date) =>
        _absences.Where(a => a.Email == email.ToLowerInvariant() && a.From <= date && date <= a.To).Select(a => (DateOnly?)a.To).Max();

    public static LeaveBook Parse(TextReader reader)
    {
        var table = CsvTable.Parse(BlobName, reader, "email", "from", "to");
        return new LeaveBook(table.Rows.Select(row =>
        {
            var (from, to) = (table.Required(row, "from"), table.Required(row, "to"));
            return IsoDate.TryParse(from, out var f) && IsoDate.TryParse(to, out var t) && f <= t
                ? (table.Required(row, "email"), f, t)
                : throw table.Error(row, $"from {from} to {to} is not a period of days ({IsoDate.Pattern}, from not after to)");
        }).ToList());
    }
}
