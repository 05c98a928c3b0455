using ApprovalWatch.Domain.Calendar;

namespace ApprovalWatch.Domain.Deadlines;

/// <summary>A procedure measured against its time limits on one day.</summary>
/// <param name="Deadline">Against the promised limit (承诺时限), which the flags follow.</param>
/// <param name="WorkingDaysLeft">Working days until the due date: 0 when due today, negative when overdue.</param>
/// <param name="StatutoryDueOn">The due date under the statutory limit (法定时限).</param>
/// <param name="PastStatutory">Open and past the statutory due date: always red, escalated one level higher.</param>
public sealed record Assessment(
    Flag Flag,
    Deadline Deadline,
    int WorkingDaysLeft,
    bool FinishedLate,
    DateOnly? StatutoryDueOn = null,
    bool PastStatutory = false
)
{
    public int OverdueWorkingDays => Flag == Flag.Red ? -WorkingDaysLeft : 0;

    public static Assessment Of(Procedure procedure, WorkingCalendar calendar, DateOnly today, int warningWorkingDays, int? statutoryDays = null)
    {
        var deadline = Deadline.Compute(calendar, procedure.AcceptedOn, procedure.LimitDays, procedure.Pauses, procedure.ExtensionDays);
        var statutoryDueOn = statutoryDays is { } days && days != procedure.LimitDays
            ? Deadline.Compute(calendar, procedure.AcceptedOn, days, procedure.Pauses, procedure.ExtensionDays).DueOn
            : deadline.DueOn;
        if (procedure.Status.IsFinished())
        {
            var late = deadline.DueOn is { } due && procedure.CompletedOn is { } done && done > due;
            return new Assessment(Flag.Finished, deadline, 0, late, statutoryDueOn);
        }

        if (deadline.DueOn is not { } dueOn)
        {
            return new Assessment(Flag.Paused, deadline, deadline.RemainingWhenPaused, false, statutoryDueOn);
        }

        var pastStatutory = statutoryDueOn is { } statutory && today > statutory;
        var left = Left(calendar, today, pastStatutory && statutoryDueOn < dueOn ? statutoryDueOn.Value : dueOn);
        return new Assessment(Flags.For(left, warningWorkingDays), deadline, left, false, statutoryDueOn, pastStatutory);
    }

    /// <summary>Working days from today to the due date; past it, minus the working days overdue (at least one, even on a day off).</summary>
    public static int Left(WorkingCalendar calendar, DateOnly today, DateOnly dueOn) =>
        today > dueOn ? -Math.Max(1, calendar.WorkingDaysAfter(dueOn, today)) : calendar.WorkingDaysAfter(today, dueOn);
}
