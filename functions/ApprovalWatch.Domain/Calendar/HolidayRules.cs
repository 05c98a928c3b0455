using System.Globalization;
using ApprovalWatch.Domain.Text;

namespace ApprovalWatch.Domain.Calendar;

/// <summary>
/// How a layer's festivals fall, to reckon a year whose official notice is not loaded yet (暂定): each festival's first
/// day by its own calendar and how many days it lasts. No make-up working day is guessed. Read from a layer's
/// <c>rules.csv</c>, which names its source as the notices do.
/// </summary>
public sealed record HolidayRules(string Layer, string Source, IReadOnlyList<HolidayRule> Rules)
{
    private static readonly ChineseLunisolarCalendar Lunar = new();
    private static readonly UmAlQuraCalendar Hijri = new();

    /// <summary>The layer's festivals of a year, reckoned by its rules: a provisional year of the layer.</summary>
    public CalendarYear Reckon(int year)
    {
        var days = Rules
            .SelectMany(rule => FirstDays(rule, year).SelectMany(first => Enumerable.Range(0, rule.Days).Select(i => (Date: first.AddDays(i), rule.Name))))
            .Select(d => new CalendarDay(d.Date, DayKind.Holiday, d.Name))
            .Where(d => d.Date.Year == year)
            .DistinctBy(d => d.Date)
            .OrderBy(d => d.Date)
            .ToList();
        return new CalendarYear(year, Layer, Source, days) { Provisional = true };
    }

    /// <summary>A layer whose notices follow no rule the app knows: its provisional years add nothing of their own.</summary>
    public static HolidayRules None(string layer) => new(layer, "", []);

    // The festival's first days that may touch the year (a lunar or Hijri festival can begin in the year before).
    private static IEnumerable<DateOnly> FirstDays(HolidayRule rule, int year) => rule.Calendar switch
    {
        RuleCalendar.Gregorian => [new DateOnly(year, rule.Month, rule.Day)],
        RuleCalendar.Qingming => [Qingming(year)],
        RuleCalendar.Chinese => new[] { year - 1, year }.Select(y => LunarDate(y, rule.Month, rule.Day)),
        RuleCalendar.Hijri => HijriYears(year).Select(h => DateOnly.FromDateTime(Hijri.ToDateTime(h, rule.Month, Math.Min(rule.Day, 29), 0, 0, 0, 0))),
        _ => [],
    };

    // The lunar year that begins in the Gregorian year; day 0 is the eve: the last day before the month's first.
    private static DateOnly LunarDate(int gregorianYear, int month, int day)
    {
        var lunarYear = Lunar.GetYear(new DateTime(gregorianYear, 6, 1, 0, 0, 0, DateTimeKind.Unspecified));
        var leap = Lunar.GetLeapMonth(lunarYear);
        var index = leap > 0 && leap <= month ? month + 1 : month;
        return DateOnly.FromDateTime(Lunar.ToDateTime(lunarYear, index, Math.Max(day, 1), 0, 0, 0, 0)).AddDays(day == 0 ? -1 : 0);
    }

    // The Hijri years that touch the Gregorian year, within the years the Umm al-Qura tables cover.
    private static IEnumerable<int> HijriYears(int year)
    {
        var first = Hijri.GetYear(new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Unspecified));
        var (min, max) = (Hijri.GetYear(Hijri.MinSupportedDateTime) + 1, Hijri.GetYear(Hijri.MaxSupportedDateTime) - 1);
        return new[] { first - 1, first, first + 1 }.Where(h => h >= min && h <= max);
    }

    /// <summary>
    /// 清明, the solar term at 15° of solar longitude: the common rule for the 21st century, day = ⌊Y × 0.2422 + 4.81⌋ − ⌊Y / 4⌋ in
    /// April (Y the year's last two digits), which gives each Qingming from 2000 to 2099 as the observatory does.
    /// </summary>
    public static DateOnly Qingming(int year)
    {
        var y = year % 100;
        return new DateOnly(year, 4, (int)Math.Floor(y * 0.2422 + 4.81) - y / 4);
    }

    /// <summary>Reads <c>rules.csv</c>: <c>name,calendar,month,day,days</c>, calendar one of gregorian, chinese, qingming, hijri.</summary>
    public static HolidayRules Parse(string fileName, string layer, TextReader reader)
    {
        var table = CsvTable.Parse(fileName, reader, "name", "calendar", "days");
        var source = CalendarFile.SourceOf(table, "the rule it follows");

        var rules = table.Rows.Select(row =>
        {
            int Number(string column, int min, int max, bool required = true)
            {
                var text = table.Get(row, column);
                if (text.Length == 0 && !required)
                {
                    return 0;
                }

                return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
                    ? n
                    : throw table.Error(row, $"{column} '{text}' is not a whole number from {min} to {max}");
            }

            var calendar = table.Required(row, "calendar").ToLowerInvariant() switch
            {
                "gregorian" => RuleCalendar.Gregorian,
                "chinese" => RuleCalendar.Chinese,
                "qingming" => RuleCalendar.Qingming,
                "hijri" => RuleCalendar.Hijri,
                var other => throw table.Error(row, $"calendar '{other}' is none of gregorian, chinese, qingming, hijri"),
            };
            var dated = calendar != RuleCalendar.Qingming;
            return new HolidayRule(
                table.Required(row, "name"),
                calendar,
                dated ? Number("month", 1, 12) : 0,
                dated ? Number("day", calendar == RuleCalendar.Chinese ? 0 : 1, 31) : 0,
                Number("days", 1, 15)
            );
        }).ToList();
        return new HolidayRules(layer, source, rules);
    }
}

/// <summary>
/// A festival: its first day (<paramref name="Month"/>, <paramref name="Day"/> of its <paramref name="Calendar"/>; day 0 of
/// a Chinese month is its eve, as 除夕 is of the first month) and how many days it lasts.
/// </summary>
public sealed record HolidayRule(string Name, RuleCalendar Calendar, int Month, int Day, int Days);

public enum RuleCalendar
{
    Gregorian,

    /// <summary>The Chinese lunisolar calendar (农历).</summary>
    Chinese,

    /// <summary>The solar term 清明.</summary>
    Qingming,

    /// <summary>The Islamic calendar as the Umm al-Qura tables give it.</summary>
    Hijri,
}
