using ApprovalWatch.Domain.Calendar;
using ApprovalWatch.Domain.Digests;

namespace ApprovalWatch.Domain.Acknowledgements;

/// <summary>
/// The days an official may promise to finish a procedure by: working days from today to its statutory due date or,
/// once that has passed, to <see cref="WorkingDaysPastStatutory"/> working days from today.
/// </summary>
public sealed record PromiseWindow(DateOnly Earliest, DateOnly Latest)
{
    /// <summary>How far a promise may reach when the statutory limit is already past.</summary>
    public const int WorkingDaysPastStatutory = 10;

    public static PromiseWindow For(DateOnly today, DateOnly? statutoryDueOn, WorkingCalendar calendar) =>
        new(today, statutoryDueOn is { } statutory && statutory >= today ? statutory : calendar.AddWorkingDays(today, WorkingDaysPastStatutory));

    public bool Allows(DateOnly promised, WorkingCalendar calendar) => promised >= Earliest && promised <= Latest && calendar.IsWorkingDay(promised);

    /// <summary>
    /// The rung an acknowledgement holds the line on until the promised day: the rung it stands on today, leaving out
    /// any earlier acknowledgement's hold (0 for a line that is not yellow or red today).
    /// </summary>
    public static int RungToHold(ProcedureLine? line, EscalationLadder ladder) => line is null ? 0 : ladder.RungOf(line with { AckRung = null });
}
