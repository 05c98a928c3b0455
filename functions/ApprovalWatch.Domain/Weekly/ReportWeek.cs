using System.Globalization;

namespace ApprovalWatch.Domain.Weekly;

/// <summary>
/// An ISO week, written <c>2026-W12</c>. Its report is made on its Monday and measures everything as of the
/// Sunday before (<see cref="AsOf"/>); "this week" is the seven days ending that Sunday.
/// </summary>
public readonly record struct ReportWeek(int Year, int Week)
{
    public DateOnly Monday => DateOnly.FromDateTime(ISOWeek.ToDateTime(Year, Week, DayOfWeek.Monday));

    public DateOnly AsOf => Monday.AddDays(-1);

    public DateOnly From => Monday.AddDays(-7);

    public ReportWeek Previous => Of(Monday.AddDays(-7));

    public static ReportWeek Of(DateOnly date)
    {
        var day = date.ToDateTime(TimeOnly.MinValue);
        return new ReportWeek(ISOWeek.GetYear(day), ISOWeek.GetWeekOfYear(day));
    }

    public static bool TryParse(string text, out ReportWeek week)
    {
        week = default;
        var parts = text.Trim().Split("-W", StringSplitOptions.None);
        if (
            parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            && year is >= 2000 and <= 2100
            && number >= 1
            && number <= ISOWeek.GetWeeksInYear(year)
        )
        {
            week = new ReportWeek(year, number);
            return true;
        }

        return false;
    }

    public bool Contains(DateOnly date) => date >= From && date <= AsOf;

    public override string ToString() => $"{Year:D4}-W{Week:D2}";
}
