using ApprovalWatch.Domain.Text;

namespace ApprovalWatch.Domain.Calendar;

/// <summary>
/// The named calendars of one run: <c>national</c> (the State Council notices) and one per regional
/// layer (e.g. <c>xinjiang</c> = national + the Xinjiang notices), which calendar each region's projects
/// use, and each calendar's office hours.
/// </summary>
public sealed class CalendarSet
{
    public const string National = "national";

    private readonly Dictionary<string, WorkingCalendar> _calendars;
    private readonly List<(string Prefix, string Calendar)> _regions;
    private readonly Dictionary<string, OfficeHours> _hours;

    private CalendarSet(Dictionary<string, WorkingCalendar> calendars, List<(string Prefix, string Calendar)> regions, Dictionary<string, OfficeHours> hours)
    {
        _calendars = calendars;
        _regions = regions;
        _hours = hours;
    }

    public WorkingCalendar NationalCalendar => _calendars[National];

    /// <summary>
    /// Builds the national calendar from the national layer and, for each other layer, a calendar of the
    /// national notices plus that layer's, over the years the layer has (a year the layer lacks is missing,
    /// never guessed).
    /// </summary>
    public static CalendarSet Build(IEnumerable<CalendarYear> years, IEnumerable<(string Prefix, string Calendar)>? regions = null, IReadOnlyDictionary<string, OfficeHours>? hours = null)
    {
        var byLayer = years.GroupBy(y => y.Layer).ToDictionary(g => g.Key, g => g.ToList());
        if (!byLayer.TryGetValue(National, out var national))
        {
            throw new InvalidOperationException("No national calendar: load the State Council notices as calendar/YYYY.csv.");
        }

        var calendars = new Dictionary<string, WorkingCalendar>(StringComparer.OrdinalIgnoreCase) { [National] = WorkingCalendar.Build(National, national) };
        foreach (var (layer, overlay) in byLayer.Where(l => l.Key != National))
        {
            var overlayYears = overlay.Select(y => y.Year).ToHashSet();
            calendars[layer] = WorkingCalendar.Build(layer, [.. national.Where(y => overlayYears.Contains(y.Year)), .. overlay]);
        }

        var assignments = (regions ?? []).OrderByDescending(r => r.Prefix.Length).ToList();
        foreach (var (prefix, calendar) in assignments.Where(a => !calendars.ContainsKey(a.Calendar)))
        {
            throw new InvalidOperationException($"Region {prefix} uses calendar '{calendar}', which has no files in calendar/{calendar}/.");
        }

        return new CalendarSet(calendars, assignments, new Dictionary<string, OfficeHours>(hours ?? new Dictionary<string, OfficeHours>(), StringComparer.OrdinalIgnoreCase));
    }

    public bool Has(string name) => _calendars.ContainsKey(name);

    public WorkingCalendar Get(string name) => _calendars.TryGetValue(name, out var calendar)
        ? calendar
        : throw new KeyNotFoundException($"No calendar '{name}'; loaded: {string.Join(", ", _calendars.Keys)}.");

    /// <summary>The calendar of a project, by the region code inside its project code (longest matching prefix).</summary>
    public WorkingCalendar ForRegion(string regionCode) =>
        _calendars[_regions.FirstOrDefault(r => regionCode.StartsWith(r.Prefix, StringComparison.Ordinal)).Calendar ?? National];

    public OfficeHours HoursOf(string calendar) =>
        _hours.GetValueOrDefault(calendar) ?? _hours.GetValueOrDefault(National) ?? OfficeHours.Standard;

    /// <summary>True when the day is a working day in at least one loaded calendar.</summary>
    public bool AnyWorks(DateOnly date) => _calendars.Values.Any(c => c.Covers(date) && c.IsWorkingDay(date));

    /// <summary>Reads <c>calendar/regions.csv</c>: <c>region,calendar</c>, region being a prefix of the 6-digit region code.</summary>
    public static List<(string Prefix, string Calendar)> ParseRegions(TextReader reader)
    {
        var table = CsvTable.Parse("regions.csv", reader, "region", "calendar");
        return table.Rows.Select(row =>
        {
            var region = table.Required(row, "region");
            return region.All(char.IsAsciiDigit) && region.Length <= 6
                ? (region, table.Required(row, "calendar"))
                : throw table.Error(row, $"region '{region}' is not a prefix of a 6-digit region code");
        }).ToList();
    }
}
