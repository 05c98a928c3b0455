namespace ApprovalWatch.Domain.Staff;

/// <summary>
/// The absences a person may enter for himself on the board's leave page: from at most a week back, not ended before
/// today, ending within a year, at most half a year long, and at most <see cref="MaxEntries"/> of them still to come — so
/// that nobody chains absences without end, nor fills the table everyone's pages read.
/// </summary>
public static class LeaveWindow
{
    public const int MaxDays = 183;

    public const int DaysBack = 7;

    public const int DaysAhead = 366;

    public const int MaxEntries = 12;

    public static bool Allows(DateOnly from, DateOnly to, DateOnly today) =>
        from <= to
        && to >= today
        && from >= today.AddDays(-DaysBack)
        && to <= today.AddDays(DaysAhead)
        && to.DayNumber - from.DayNumber < MaxDays;
}
