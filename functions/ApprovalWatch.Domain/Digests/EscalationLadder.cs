using ApprovalWatch.Deadlines;

namespace ApprovalWatch.Digests;

/// <summary>
/// Who hears of a procedure, by its flag and how long it has been overdue (in working days). Yellow and
/// red always go to the handler. The defaults here are the app's defaults.
/// </summary>
public sealed record EscalationLadder
{
    public static readonly EscalationLadder Default = new();

    /// <summary>Yellow when due within this many working days (or today).</summary>
    public int WarningWorkingDays { get; init; } = 3;

    /// <summary>Red procedures go to the department head from this many working days overdue.</summary>
    public int HeadAfterOverdueDays { get; init; } = 1;

    /// <summary>And to the leader in charge and the development &amp; reform coordinator from this many.</summary>
    public int LeaderAfterOverdueDays { get; init; } = 5;

    /// <summary>And into the weekly report to the leadership from this many.</summary>
    public int ReportAfterOverdueDays { get; init; } = 10;

    /// <summary>
    /// The rung a line has reached by the working days it is overdue. A procedure past its statutory limit
    /// climbs one rung higher.
    /// </summary>
    public EscalationRung RungOf(DigestLine line)
    {
        if (line.Flag != Flag.Red)
        {
            return EscalationRung.Handler;
        }

        var overdue = line.OverdueWorkingDays;
        var rung = overdue >= ReportAfterOverdueDays ? EscalationRung.WeeklyReport
            : overdue >= LeaderAfterOverdueDays ? EscalationRung.LeaderAndCoordinator
            : overdue >= HeadAfterOverdueDays ? EscalationRung.DepartmentHead
            : EscalationRung.Handler;
        return line is ProcedureLine { PastStatutory: true } && rung < EscalationRung.WeeklyReport ? rung + 1 : rung;
    }
}
