using ApprovalWatch.Domain.Calendar;

namespace ApprovalWatch.Domain.Notices;

/// <summary>
/// What a reply's promised day must be: a working day on the department's calendar, not before today, within the
/// prefecture's horizon (<see cref="NoticeSettings.PromiseWithinWorkingDays"/>), and not past the item's statutory due date
/// unless the reply says why (the leader in charge is then told at once).
/// </summary>
public static class PromiseRules
{
    public enum Fault
    {
        None,
        Past,
        NotWorkingDay,
        TooFar,
        PastLawWithoutReason,
    }

    public static Fault Check(NoticeItem item, DateOnly promised, string exceedReason, WorkingCalendar calendar, DateOnly today, int horizonWorkingDays)
    {
        if (promised < today)
        {
            return Fault.Past;
        }

        if (!calendar.Covers(promised) || promised > calendar.AddWorkingDays(today, horizonWorkingDays))
        {
            return Fault.TooFar;
        }

        if (!calendar.IsWorkingDay(promised))
        {
            return Fault.NotWorkingDay;
        }

        return Exceeds(item, promised) && exceedReason.Trim().Length == 0 ? Fault.PastLawWithoutReason : Fault.None;
    }

    /// <summary>The promised day is past the law's limit.</summary>
    public static bool Exceeds(NoticeItem item, DateOnly promised) => item.StatutoryDueOn is { } law && promised > law;
}
