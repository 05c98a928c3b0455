namespace ApprovalWatch.Domain.Calendar;

/// <summary>A calendar's year reckoned provisionally that its operator should load the notice of.</summary>
public sealed record ProvisionalYear(string Calendar, int Year);

/// <summary>When the operator is told that a calendar's year is still reckoned: this year always, next year from a day of this one.</summary>
public static class NoticesToLoad
{
    /// <param name="warnFrom">The day of the year (month, day) from which next year's notice is awaited.</param>
    public static IReadOnlyList<ProvisionalYear> On(CalendarSet calendars, DateOnly today, (int Month, int Day) warnFrom)
    {
        var nextYearDue = today >= new DateOnly(today.Year, warnFrom.Month, Math.Min(warnFrom.Day, DateTime.DaysInMonth(today.Year, warnFrom.Month)));
        int[] years = nextYearDue ? [today.Year, today.Year + 1] : [today.Year];
        return [
            .. calendars.Names
                .SelectMany(name => years.Where(calendars.Get(name).IsProvisional).Select(year => new ProvisionalYear(name, year)))
                .OrderBy(p => p.Year),
        ];
    }
}
