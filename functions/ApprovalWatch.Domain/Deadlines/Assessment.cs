using ApprovalWatch.Calendar;

namespace ApprovalWatch.Deadlines;

/// <summary>A procedure measured against its time limit on one day.</summary>
/// <param name="WorkingDaysLeft">Working days until the due date: 0 when due today, negative when overdue.</param>
public sealed record Assessment(Flag Flag, Deadline Deadline, int WorkingDaysLeft, bool FinishedLate)
{
    public int OverdueWorkingDays => Flag == Flag.Red ? -WorkingDaysLeft : 0;

    public static Assessment Of(Procedure procedure, WorkingCalendar calendar, DateOnly today, int warningWorkingDays)
    {
        var deadline = Deadline.Compute(calendar, procedure.AcceptedOn, procedure.LimitDays, procedure.Pauses, procedure.ExtensionDays);
        if (procedure.Status.IsFinished())
        {
            var late = deadline.DueOn is { } due && procedure.CompletedOn is { } done && done > due;
            return new Assessment(Flag.Finished, deadline, 0, late);
        }

        if (deadline.DueOn is not { } dueOn)
        {
            return new Assessment(Flag.Paused, deadline, deadline.RemainingWhenPaused, false);
        }

        if (today > dueOn)
        {
            // Overdue by the working days since the due date; at least one, even on a day off.
            var overdue = Math.Max(1, calendar.WorkingDaysAfter(dueOn, today));
            return new Assessment(Flag.Red, deadline, -overdue, false);
        }

        var left = calendar.WorkingDaysAfter(today, dueOn);
        return new Assessment(left <= warningWorkingDays ? Flag.Yellow : Flag.Green, deadline, left, false);
    }
}
