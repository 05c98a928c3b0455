using NCrontab;

namespace ApprovalWatch.DevTools.Local;

/// <summary>A timer trigger's NCRONTAB schedule — six fields, seconds first, in UTC — as the Functions host reads it.</summary>
public sealed class TimerSchedule
{
    private static readonly CrontabSchedule.ParseOptions SixFields = new() { IncludingSeconds = true };

    private readonly CrontabSchedule _schedule;

    private TimerSchedule(string expression, CrontabSchedule schedule)
    {
        Expression = expression;
        _schedule = schedule;
    }

    public string Expression { get; }

    /// <exception cref="FormatException">Not a six-field NCRONTAB expression.</exception>
    public static TimerSchedule Parse(string expression) =>
        CrontabSchedule.TryParse(expression, SixFields) is { } schedule
            ? new TimerSchedule(expression, schedule)
            : throw new FormatException($"'{expression}' is not a six-field NCRONTAB schedule (second minute hour day month day-of-week).");

    /// <summary>The first instant strictly after <paramref name="after"/> that the schedule names.</summary>
    public DateTimeOffset Next(DateTimeOffset after) =>
        new(DateTime.SpecifyKind(_schedule.GetNextOccurrence(after.UtcDateTime), DateTimeKind.Utc));
}
