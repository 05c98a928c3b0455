using ApprovalWatch.Cli.Configuration;
using ApprovalWatch.Domain.Calendar;
using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Domain.Text;

namespace ApprovalWatch.Cli.Commands;

/// <summary>Questions about the legal clock, answered from the calendar files of a config folder.</summary>
public static class CalendarCommands
{
    public static async Task<int> DueAsync(
        string? configPath,
        string calendarName,
        DateOnly from,
        int days,
        int extend,
        IReadOnlyList<Pause> pauses,
        TextWriter output
    )
    {
        var calendar = (await ConfigFolder.Find(configPath).CalendarsAsync()).Get(calendarName);
        var deadline = Deadline.Compute(calendar, from, days, pauses, extend);
        var limit = $"{days}{(extend > 0 ? $" + {extend} extension" : "")} working days";
        if (deadline.DueOn is not { } due)
        {
            output.WriteLine(
                $"Accepted {IsoDate.Format(from)}, limit {limit} on the {calendar.Name} calendar: paused; {deadline.RemainingWhenPaused} working "
                    + $"day(s) will be left when the clock restarts."
            );
            return 0;
        }

        var provisional = calendar.AnyProvisional(from, due);
        output.WriteLine(
            $"Accepted {IsoDate.Format(from)} ({from.DayOfWeek}), limit {limit} on the {calendar.Name} calendar: due {IsoDate.Format(due)} ({due.DayOfWeek})"
                + (provisional ? $" — provisional (暂定): {Provisional(calendar, from, due)}." : ".")
        );
        output.WriteLine(
            $"Working days counted: {days + extend} (from {IsoDate.Format(from.AddDays(1))}); paused working days not counted: "
                + $"{deadline.PausedWorkingDays}; calendar days: {due.DayNumber - from.DayNumber}."
        );
        for (var day = from.AddDays(1); day <= due; day = day.AddDays(1))
        {
            if (calendar.Exception(day) is { } exception)
            {
                output.WriteLine($"  {IsoDate.Format(day)} {day.DayOfWeek,-9} {Kind(exception),-8} {exception.Name}");
            }
        }

        return 0;
    }

    public static async Task<int> ShowAsync(string? configPath, string calendarName, int year, TextWriter output)
    {
        var calendars = await ConfigFolder.Find(configPath).CalendarsAsync();
        var calendar = calendars.Get(calendarName);
        var first = new DateOnly(year, 1, 1);
        calendar.IsWorkingDay(first); // names the calendar and year when the year is not loaded
        output.WriteLine(
            $"Calendar {calendar.Name} ({string.Join(" + ", calendars.LayersOf(calendar.Name))}), {year}: "
                + $"{calendar.WorkingDaysIn(first, new DateOnly(year, 12, 31))} working days"
                + (calendar.IsProvisional(year)
                    ? $" — provisional (暂定): the official notice is not loaded, the statutory holidays reckoned by the rules below, no make-up day guessed"
                    : "")
        );
        foreach (var source in calendar.Sources[year])
        {
            output.WriteLine($"  source: {source}");
        }

        foreach (var day in calendar.Exceptions.Where(d => d.Date.Year == year))
        {
            var overrides = day.Overrides is { } under ? $" (instead of {Kind(under)}: {under.Name})" : "";
            output.WriteLine($"  {IsoDate.Format(day.Date)} {day.Date.DayOfWeek,-9} {Kind(day),-8} {day.Name}{overrides}");
        }

        var (hours, layer) = calendars.HoursAndLayerOf(calendar.Name);
        output.WriteLine(
            $"  office hours (Beijing time, {(layer is null ? "standard" : $"set by {layer}")}): "
                + $"{string.Join("; ", hours.Rules.Select(r => $"from {r.Month:D2}-{r.Day:D2} {r.Morning} and {r.Afternoon}"))}"
        );
        return 0;
    }

    private static string Provisional(WorkingCalendar calendar, DateOnly from, DateOnly to)
    {
        var years = calendar.ProvisionalYears.Where(y => y >= from.Year && y <= to.Year).Order();
        return $"the notices of {string.Join(", ", years)} are not loaded, their holidays reckoned by the rules and no make-up day guessed";
    }

    private static string Kind(CalendarDay day) => day.Kind == DayKind.Holiday ? "holiday" : "working";
}
