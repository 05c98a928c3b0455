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

    /// <summary>
    /// How many years past the last notice loaded are reckoned provisionally: a limit of up to 3,650 working days (the
    /// longest a file may give) ends within them.
    /// </summary>
    public const int ProvisionalHorizon = 16;

    private readonly Dictionary<string, WorkingCalendar> _calendars;
    private readonly Dictionary<string, IReadOnlyList<string>> _layers;
    private readonly List<(string Prefix, string Calendar)> _regions;
    private readonly Dictionary<string, OfficeHours> _hours;

    private CalendarSet(
        Dictionary<string, WorkingCalendar> calendars,
        Dictionary<string, IReadOnlyList<string>> layers,
        List<(string Prefix, string Calendar)> regions,
        Dictionary<string, OfficeHours> hours
    )
    {
        _calendars = calendars;
        _layers = layers;
        _regions = regions;
        _hours = hours;
    }

    public WorkingCalendar NationalCalendar => _calendars[National];

    /// <summary>
    /// Builds the national calendar from the national layer and, for each other layer, a calendar of the
    /// national notices plus the notices of each layer it sits on, in order: <c>xinjiang/kizilsu</c> is the
    /// calendar <c>kizilsu</c> = national + xinjiang + kizilsu, a later layer overriding an earlier one on the
    /// same date (so a region can cancel a national make-up working day). A calendar covers the years every
    /// layer of it has. With the national <paramref name="rules"/> given, a year a layer lacks — between its notices
    /// or up to <see cref="ProvisionalHorizon"/> years after the last — is reckoned by that layer's rules (none: it adds
    /// nothing) and marked provisional; without them it is missing, never guessed.
    /// </summary>
    public static CalendarSet Build(
        IEnumerable<CalendarYear> years,
        IEnumerable<(string Prefix, string Calendar)>? regions = null,
        IReadOnlyDictionary<string, OfficeHours>? hours = null,
        IReadOnlyDictionary<string, HolidayRules>? rules = null
    )
    {
        var loadedYears = years.ToList();
        var byLayer = loadedYears.GroupBy(y => y.Layer).ToDictionary(g => g.Key, g => g.ToList());
        if (rules is not null && rules.ContainsKey(National) && byLayer.TryGetValue(National, out var loadedNational))
        {
            var (first, last) = (loadedNational.Min(y => y.Year), loadedYears.Max(y => y.Year) + ProvisionalHorizon);
            foreach (var (layer, layerYears) in byLayer)
            {
                var have = layerYears.Select(y => y.Year).ToHashSet();
                var layerRules = rules.GetValueOrDefault(layer) ?? HolidayRules.None(layer);
                layerYears.AddRange(Enumerable.Range(first, last - first + 1).Where(y => !have.Contains(y)).Select(layerRules.Reckon));
            }
        }

        if (!byLayer.TryGetValue(National, out var national))
        {
            throw new InvalidOperationException("No national calendar: load the State Council notices as calendar/YYYY.csv.");
        }

        var calendars = new Dictionary<string, WorkingCalendar>(StringComparer.OrdinalIgnoreCase) { [National] = WorkingCalendar.Build(National, national) };
        var chains = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase) { [National] = [National] };
        foreach (var path in byLayer.Keys.Where(l => l != National).Order(StringComparer.Ordinal))
        {
            var chain = Chain(path);
            var name = path[(path.LastIndexOf('/') + 1)..];
            if (chains.ContainsKey(name))
            {
                throw new InvalidOperationException($"Two calendar layers are called '{name}' (calendar/{path}/ and another): a layer's name must be unique.");
            }

            var layers = chain.Select(layer => byLayer.TryGetValue(layer, out var found)
                ? found
                : throw new InvalidOperationException($"calendar/{path}/ sits on calendar/{layer}/, which has no files.")).ToList();
            var covered = layers.Select(l => l.Select(y => y.Year)).Aggregate((a, b) => a.Intersect(b)).ToHashSet();
            if (covered.Count == 0)
            {
                throw new InvalidOperationException($"calendar/{path}/ has no year in common with the layers it sits on.");
            }

            calendars[name] = WorkingCalendar.Build(name, [.. national.Concat(layers.SelectMany(l => l)).Where(y => covered.Contains(y.Year))]);
            chains[name] = [National, .. chain.Select(l => l[(l.LastIndexOf('/') + 1)..])];
        }

        var assignments = (regions ?? []).OrderByDescending(r => r.Prefix.Length).ToList();
        foreach (var (prefix, calendar) in assignments.Where(a => !calendars.ContainsKey(a.Calendar)))
        {
            throw new InvalidOperationException($"Region {prefix} uses calendar '{calendar}', which has no files in calendar/{calendar}/.");
        }

        foreach (var calendar in (hours?.Keys ?? []).Where(c => !calendars.ContainsKey(c)))
        {
            throw new InvalidOperationException(
                $"office-hours.csv names calendar '{calendar}', which has no files; loaded: {string.Join(", ", calendars.Keys)}."
            );
        }

        return new CalendarSet(
            calendars,
            chains,
            assignments,
            new Dictionary<string, OfficeHours>(hours ?? new Dictionary<string, OfficeHours>(), StringComparer.OrdinalIgnoreCase)
        );
    }

    /// <summary>The layers a calendar is made of, national first: e.g. national, xinjiang, kizilsu.</summary>
    public IReadOnlyList<string> LayersOf(string name) => _layers.TryGetValue(name, out var layers)
        ? layers
        : throw new KeyNotFoundException($"No calendar '{name}'; loaded: {string.Join(", ", _calendars.Keys)}.");

    public bool Has(string name) => _calendars.ContainsKey(name);

    /// <summary>Every calendar's name, national first.</summary>
    public IEnumerable<string> Names => _calendars.Keys.OrderBy(n => n == National ? "" : n, StringComparer.Ordinal);

    public WorkingCalendar Get(string name) => _calendars.TryGetValue(name, out var calendar)
        ? calendar
        : throw new KeyNotFoundException($"No calendar '{name}'; loaded: {string.Join(", ", _calendars.Keys)}.");

    /// <summary>The calendar of a project, by the region code inside its project code (longest matching prefix).</summary>
    public WorkingCalendar ForRegion(string regionCode) =>
        _calendars[_regions.FirstOrDefault(r => regionCode.StartsWith(r.Prefix, StringComparison.Ordinal)).Calendar ?? National];

    /// <summary>The office hours of a calendar: its own, else those of the nearest layer under it, else the standard ones.</summary>
    public OfficeHours HoursOf(string calendar) => HoursAndLayerOf(calendar).Hours;

    /// <summary>The office hours of a calendar and the layer that sets them (null for the standard hours).</summary>
    public (OfficeHours Hours, string? Layer) HoursAndLayerOf(string calendar)
    {
        var layers = _layers.GetValueOrDefault(calendar) ?? [National];
        return layers.Reverse().Where(_hours.ContainsKey).Select(l => (_hours[l], (string?)l)).FirstOrDefault((OfficeHours.Standard, null));
    }

    /// <summary>True when the day is a working day in at least one loaded calendar.</summary>
    public bool AnyWorks(DateOnly date) => _calendars.Values.Any(c => c.Covers(date) && c.IsWorkingDay(date));

    // "xinjiang/kizilsu" → "xinjiang", "xinjiang/kizilsu": the folders a layer sits on, then itself.
    private static List<string> Chain(string path)
    {
        var parts = path.Split('/');
        return [.. parts.Select((_, i) => string.Join('/', parts[..(i + 1)]))];
    }

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
