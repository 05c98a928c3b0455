using ApprovalWatch.Domain.Calendar;

namespace ApprovalWatch.Domain.Digests;

/// <summary>
/// The days an official may promise to finish a procedure by: working days from today to its statutory due date or,
/// once that has passed, to <see cref="WorkingDaysPastStatutory"/> working days from today.
/// </summary>
public sealed record PromiseWindow(DateOnly Earliest, DateOnly Latest)
{
    /// <summary>How far a promise may reach when the statutory limit is already past.</summary>
    public const int WorkingDaysPastStatutory = 10;

    public static PromiseWindow For(DateOnly today, DateOnly? statutoryDueOn, WorkingCalendar calendar)
    {
        var latest = statutoryDueOn is { } statutory && statutory >= today ? statutory : calendar.AddWorkingDays(today, WorkingDaysPastStatutory);
        return new(today, latest) { Provisional = calendar.AnyProvisional(today, latest) };
    }

    /// <summary>The window reaches into a year whose holiday notice is not loaded: its working days are reckoned (暂定).</summary>
    public bool Provisional { get; init; }

    public bool Allows(DateOnly promised, WorkingCalendar calendar) => promised >= Earliest && promised <= Latest && calendar.IsWorkingDay(promised);

    /// <summary>
    /// What an acknowledgement holds the line at until the promised day: the rung it stands on today, leaving out any
    /// earlier acknowledgement's hold but not its broken promises — an earlier promise broken adds to the penalty, which
    /// stays (0 for a line that is not yellow or red today).
    /// </summary>
    public static (int Rung, int Penalty) Hold(ProcedureLine? line, EscalationLadder ladder)
    {
        if (line is null)
        {
            return (0, 0);
        }

        var penalty = line.AckPenalty + (line.AckLapsed ? 1 : 0);
        return (ladder.RungOf(line with { AckRung = null, AckLapsed = false, AckPenalty = penalty }), penalty);
    }
}
