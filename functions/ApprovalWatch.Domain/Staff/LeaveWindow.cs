namespace ApprovalWatch.Domain.Staff;

/// <summary>
/// The absences a person may enter for himself on the board's leave page: from at most a week back, not ended before
/// today, at most half a year long.
/// </summary>
public static class LeaveWindow
{
    public const int MaxDays = 183;

    public const int DaysBack = 7;

    public static bool Allows(DateOnly from, DateOnly to, DateOnly today) =>
        from <= to && to >= today && from >= today.AddDays(-DaysBack) && to.DayNumber - from.DayNumber < MaxDays;
}
