using System.Globalization;

namespace ApprovalWatch.Domain.Deadlines;

/// <summary>
/// What the escalation ladder climbs on, kept on a procedure's row by the daily scan: the separate warning
/// periods it has been yellow in, and the weeks (ISO, e.g. <c>2026-W12</c>) in which it was found overdue.
/// </summary>
public sealed record EscalationCounts(int YellowPeriods = 0, int OverdueWeeks = 0, string? LastOverdueWeek = null)
{
    /// <summary>The counts after a scan on <paramref name="today"/> found <paramref name="now"/> where the row said <paramref name="before"/>; the
    /// same scan again changes nothing.</summary>
    public EscalationCounts After(Flag? before, Flag now, DateOnly today)
    {
        var counts = this;
        if (now == Flag.Yellow && before != Flag.Yellow)
        {
            counts = counts with { YellowPeriods = YellowPeriods + 1 };
        }

        var week = Week(today);
        if (now == Flag.Red && week != LastOverdueWeek)
        {
            counts = counts with { OverdueWeeks = OverdueWeeks + 1, LastOverdueWeek = week };
        }

        return counts;
    }

    public static string Week(DateOnly day)
    {
        var date = day.ToDateTime(TimeOnly.MinValue);
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(date)}-W{ISOWeek.GetWeekOfYear(date):D2}");
    }
}
