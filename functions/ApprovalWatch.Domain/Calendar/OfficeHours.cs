using ApprovalWatch.Domain.Text;

namespace ApprovalWatch.Domain.Calendar;

/// <summary>
/// The office hours of one calendar through the year, e.g. Xinjiang's summer hours from 1 May
/// (10:00–14:00, 16:00–20:00 Beijing time) and winter hours from 1 October (afternoon 15:30–19:30).
/// The last rule of the year runs on into the next year until the first rule.
/// </summary>
public sealed class OfficeHours
{
    /// <summary>Used where the configuration names no office hours for a calendar.</summary>
    public static readonly OfficeHours Standard = new([
        new OfficeHoursRule("national", 1, 1, OfficePeriod.Parse("09:00-12:00"), OfficePeriod.Parse("14:00-18:00")),
    ]);

    private readonly List<OfficeHoursRule> _rules;

    public OfficeHours(IEnumerable<OfficeHoursRule> rules)
    {
        _rules = [.. rules.OrderBy(r => r.Month).ThenBy(r => r.Day)];
        if (_rules.Count == 0)
        {
            throw new ArgumentException("Office hours need at least one rule.", nameof(rules));
        }
    }

    /// <summary>The rules in the order of the year.</summary>
    public IReadOnlyList<OfficeHoursRule> Rules => _rules;

    public OfficeHoursRule On(DateOnly date) =>
        _rules.LastOrDefault(r => (r.Month, r.Day).CompareTo((date.Month, date.Day)) <= 0) ?? _rules[^1];

    /// <summary>When the first office period of the day starts: when digests go out.</summary>
    public DateTimeOffset OpensAt(DateOnly date) => OfficeClock.At(date, On(date).Morning.Start);

    /// <summary>Reads <c>calendar/office-hours.csv</c>: <c>calendar,from,morning,afternoon</c>, with from as MM-dd.</summary>
    public static Dictionary<string, OfficeHours> Parse(TextReader reader)
    {
        var table = CsvTable.Parse("office-hours.csv", reader, "calendar", "from", "morning", "afternoon");
        var rules = new List<OfficeHoursRule>();
        foreach (var row in table.Rows)
        {
            var from = table.Required(row, "from");
            if (!IsoDate.TryParse($"2024-{from}", out var day))
            {
                throw table.Error(row, $"from '{from}' is not MM-dd");
            }

            try
            {
                rules.Add(
                    new OfficeHoursRule(
                        table.Required(row, "calendar"),
                        day.Month,
                        day.Day,
                        OfficePeriod.Parse(table.Required(row, "morning")),
                        OfficePeriod.Parse(table.Required(row, "afternoon"))
                    )
                );
            }
            catch (FormatException e)
            {
                throw table.Error(row, e.Message.TrimEnd('.'));
            }
        }

        return rules.GroupBy(r => r.Calendar).ToDictionary(g => g.Key, g => new OfficeHours(g));
    }
}
