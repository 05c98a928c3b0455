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

    /// <summary>The due dates or the days counted to today pass a year whose notice is not loaded (暂定).</summary>
    public bool Provisional { get; init; }

    /// <summary>Accepted by law on the day it was received (视为受理, <see cref="DeemedAcceptance"/>): the clock runs from then.</summary>
    public bool Deemed { get; init; }

    /// <param name="statutoryDays">The statutory limit; none (null or 0) where no law sets one: nothing is past it.</param>
    /// <param name="statutoryInDays">The law sets it in days (日), not working days.</param>
    public static Assessment Of(
        Procedure procedure,
        WorkingCalendar calendar,
        DateOnly today,
        int warningWorkingDays,
        int? statutoryDays = null,
        bool statutoryInDays = false
    )
    {
        var clock = DeemedAcceptance.Of(procedure, calendar, today);
        if (clock.AwaitingCorrection)
        {
            return new Assessment(Flag.Paused, new Deadline(null, 0, procedure.LimitDays), procedure.LimitDays, false);
        }

        procedure = clock.Start == procedure.AcceptedOn ? procedure : procedure with { AcceptedOn = clock.Start };
        var deadline = Deadline.Compute(calendar, procedure.AcceptedOn, procedure.LimitDays, procedure.Pauses, procedure.ExtensionDays);
        var days = statutoryDays ?? 0;
        var statutoryDueOn = days <= 0 ? null
            : days == procedure.LimitDays && !statutoryInDays ? deadline.DueOn
            : Deadline.Compute(statutoryInDays ? calendar.EveryDay : calendar, procedure.AcceptedOn, days, procedure.Pauses, procedure.ExtensionDays).DueOn;
        var finished = procedure.Status.IsFinished();
        var reach = new[] { deadline.DueOn, statutoryDueOn, finished ? procedure.CompletedOn : today }.Max() ?? today;
        var provisional = calendar.AnyProvisional(procedure.AcceptedOn, reach);
        if (finished)
        {
            var late = deadline.DueOn is { } due && procedure.CompletedOn is { } done && done > due;
            return new Assessment(Flag.Finished, deadline, 0, late, statutoryDueOn) { Provisional = provisional, Deemed = clock.Deemed };
        }

        if (deadline.DueOn is not { } dueOn)
        {
            return new Assessment(Flag.Paused, deadline, deadline.RemainingWhenPaused, false, statutoryDueOn)
            {
                Provisional = provisional,
                Deemed = clock.Deemed,
            };
        }

        var pastStatutory = statutoryDueOn is { } statutory && today > statutory;
        var left = Left(calendar, today, pastStatutory && statutoryDueOn < dueOn ? statutoryDueOn.Value : dueOn);
        return new Assessment(Flags.For(left, warningWorkingDays), deadline, left, false, statutoryDueOn, pastStatutory)
        {
            Provisional = provisional,
            Deemed = clock.Deemed,
        };
    }

    /// <summary>Working days from today to the due date; past it, minus the working days overdue (at least one, even on a day off).</summary>
    public static int Left(WorkingCalendar calendar, DateOnly today, DateOnly dueOn) =>
        today > dueOn ? -Math.Max(1, calendar.WorkingDaysAfter(dueOn, today)) : calendar.WorkingDaysAfter(today, dueOn);
}
