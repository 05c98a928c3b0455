using System.Text.RegularExpressions;

namespace ApprovalWatch.Domain.Calendar;

/// <summary>
/// The layout of the <c>calendar/</c> configuration folder, wherever it is kept (a blob container or a
/// local folder): the national notices as <c>YYYY.csv</c>, regional layers as <c>{layer}/YYYY.csv</c>, a
/// layer on a layer (a prefecture's on its region's) as <c>{layer}/{layer}/YYYY.csv</c>,
/// <c>regions.csv</c> (which region uses which calendar) and <c>office-hours.csv</c>; beside a layer's notices, its
/// <c>rules.csv</c> (<see cref="HolidayRules"/>), how a year whose notice is not loaded yet is reckoned.
/// </summary>
public static partial class CalendarFolder
{
    public const string Prefix = "calendar/";
    public const string Regions = "calendar/regions.csv";
    public const string OfficeHoursFile = "calendar/office-hours.csv";

    /// <summary>Reads the calendar files among <paramref name="names"/> (paths like <c>calendar/2026.csv</c>).</summary>
    public static async Task<CalendarSet> LoadAsync(IEnumerable<string> names, Func<string, Task<TextReader>> open)
    {
        var all = names.Select(n => n.Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
        var years = new List<CalendarYear>();
        var rules = new Dictionary<string, HolidayRules>(StringComparer.Ordinal);
        foreach (var name in all.Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            if (YearFile().Match(name[Prefix.Length..]) is { Success: true } match)
            {
                years.Add(CalendarFile.Parse(name, LayerOf(match), await open(name)));
            }
            else if (RulesFile().Match(name[Prefix.Length..]) is { Success: true } rule)
            {
                var layer = LayerOf(rule);
                rules[layer] = HolidayRules.Parse(name, layer, await open(name));
            }
        }

        var regions = all.Contains(Regions) ? CalendarSet.ParseRegions(await open(Regions)) : null;
        var hours = all.Contains(OfficeHoursFile) ? OfficeHours.Parse(await open(OfficeHoursFile)) : null;
        return CalendarSet.Build(years, regions, hours, rules);
    }

    private static string LayerOf(Match match) => match.Groups["layer"].Success ? match.Groups["layer"].Value : CalendarSet.National;

    [GeneratedRegex(@"^(?:(?<layer>[a-z0-9-]+(?:/[a-z0-9-]+)*)/)?\d{4}\.csv$")]
    private static partial Regex YearFile();

    [GeneratedRegex(@"^(?:(?<layer>[a-z0-9-]+(?:/[a-z0-9-]+)*)/)?rules\.csv$")]
    private static partial Regex RulesFile();
}
