namespace ApprovalWatch.Domain.Calendar;

/// <summary>
/// Officials work in Beijing time (Asia/Shanghai). Azure Functions on Linux ignores WEBSITE_TIME_ZONE,
/// so local office time is computed here from a <see cref="TimeProvider"/>'s UTC instant.
/// </summary>
public static class OfficeClock
{
    public static readonly TimeZoneInfo Beijing = FindBeijing();

    public static DateTimeOffset Now(TimeProvider time) => TimeZoneInfo.ConvertTime(time.GetUtcNow(), Beijing);

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(Now(time).DateTime);

    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Beijing).DateTime);

    /// <summary>The instant of a Beijing wall-clock time.</summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time) =>
        new(date.ToDateTime(time), Beijing.GetUtcOffset(date.ToDateTime(time)));

    private static TimeZoneInfo FindBeijing()
    {
        // China has kept UTC+8 without daylight saving since 1991; the fixed zone serves where tzdata is absent.
        return TimeZoneInfo.TryFindSystemTimeZoneById("Asia/Shanghai", out var zone)
            ? zone
            : TimeZoneInfo.CreateCustomTimeZone("Asia/Shanghai", TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");
    }
}
