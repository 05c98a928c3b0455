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

    /// <summary>Every absence, by lower-case address.</summary>
    public IReadOnlyList<(string Email, DateOnly From, DateOnly To)> Absences => _absences;

    /// <summary>This book with more absences (those entered on the board's leave page beside <c>leave.csv</c>).</summary>
    public LeaveBook With(IEnumerable<(string Email, DateOnly From, DateOnly To)> more) => new(_absences.Concat(more));

    /// <summary>
    /// The absence a person is back from on a date: it ended before it, he is not away on it, and it is his first working
    /// day since; null otherwise.
    /// </summary>
    public (DateOnly From, DateOnly To)? JustBack(string email, DateOnly date, Calendar.WorkingCalendar calendar) =>
        IsAway(email, date) || !calendar.IsWorkingDay(date) ? null
        : _absences.Where(a => a.Email == email.ToLowerInvariant() && a.To < date && calendar.WorkingDaysAfter(a.To, date) == 1)
            .Select(a => ((DateOnly From, DateOnly To)?)(a.From, a.To)).MaxBy(a => a!.Value.To);

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
