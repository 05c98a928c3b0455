using ApprovalWatch.Domain.Deadlines;

namespace ApprovalWatch.Domain.Digests;

/// <summary>
/// Who hears of a procedure (<c>config/escalation.json</c>, see <see cref="EscalationLadderFile"/>): rungs by
/// working days overdue, each naming the roles it notifies, with per-stage and per-procedure overrides. A
/// yellow procedure stands on the first rung. It climbs one rung higher when it is past its statutory limit,
/// and one more when it has been yellow in <see cref="ClimbAfterYellowPeriods"/> separate warning periods or
/// found overdue in <see cref="ClimbAfterOverdueWeeks"/> weeks; never above the top rung.
/// </summary>
public sealed record EscalationLadder
{
    public static readonly EscalationLadder Default = new();

    public IReadOnlyList<EscalationStep> Rungs { get; init; } =
    [
        new(0, new HashSet<EscalationRole> { EscalationRole.Handler }),
        new(1, new HashSet<EscalationRole> { EscalationRole.Handler, EscalationRole.Head }),
        new(5, new HashSet<EscalationRole> { EscalationRole.Handler, EscalationRole.Head, EscalationRole.Leader, EscalationRole.Coordinator }),
        new(
            10,
            new HashSet<EscalationRole>
            {
                EscalationRole.Handler,
                EscalationRole.Head,
                EscalationRole.Leader,
                EscalationRole.Coordinator,
                EscalationRole.WeeklyReport,
            }
        ),
    ];

    public IReadOnlyList<EscalationOverride> Overrides { get; init; } = [];

    /// <summary>0: never.</summary>
    public int ClimbAfterYellowPeriods { get; init; } = 2;

    /// <summary>0: never. Until the weekly report (#12) records who it named, a week in which a scan found the procedure overdue counts as one
    /// report.</summary>
    public int ClimbAfterOverdueWeeks { get; init; } = 3;

    /// <summary>The working days a department has to sign for a problem assigned to it (签收) before the problem climbs one rung.</summary>
    public int SignWithinWorkingDays { get; init; } = 1;

    /// <summary>The working days a problem is overdue when a supervision notice (督办单) goes to its department; 0: never.</summary>
    public int NoticeAfterProblemOverdueDays { get; init; } = 5;

    /// <summary>
    /// Whether a line calls for a supervision notice: a procedure on a rung that reaches the coordinator, or a problem
    /// overdue by <see cref="NoticeAfterProblemOverdueDays"/>.
    /// </summary>
    public bool CallsForNotice(DigestLine line) => line switch
    {
        ProcedureLine { Reform: ReformClock.None } => RolesOf(line).Contains(EscalationRole.Coordinator),
        ProblemLine => NoticeAfterProblemOverdueDays > 0 && line.OverdueWorkingDays >= NoticeAfterProblemOverdueDays,
        _ => false,
    };

    /// <summary>The rungs that apply to a line: its procedure's override, else its stage's, else the ladder's.</summary>
    public IReadOnlyList<EscalationStep> RungsFor(DigestLine line) => line is ProcedureLine procedure
        ? (Overrides.FirstOrDefault(o => o.Procedure == procedure.ProcedureCode)
            ?? Overrides.FirstOrDefault(o => o.Procedure is null && o.Stage == procedure.Stage))?.Rungs ?? Rungs
        : Rungs;

    /// <summary>
    /// The weekly-report rung: the working days overdue at which a procedure reaches the leadership's weekly report,
    /// those of the lowest rung naming <see cref="EscalationRole.WeeklyReport"/>; null when no rung names it.
    /// </summary>
    public int? WeeklyReportOverdueDays => Rungs.FirstOrDefault(r => r.Notify.Contains(EscalationRole.WeeklyReport))?.OverdueDays;

    /// <summary>The index of the rung a line stands on (0 = the first).</summary>
    public int RungOf(DigestLine line)
    {
        var rungs = RungsFor(line);
        var rung = 0;
        if (line.Flag == Flag.Red)
        {
            while (rung + 1 < rungs.Count && rungs[rung + 1].OverdueDays <= line.OverdueWorkingDays)
            {
                rung++;
            }
        }

        if (line is ProblemLine { SignatureLate: true })
        {
            rung++;
        }

        if (line is ProcedureLine procedure)
        {
            rung += procedure.PastStatutory ? 1 : 0;
            rung += Climbs(procedure) ? 1 : 0;
            rung += procedure.AckPenalty;
            if (procedure.AckRung is { } acknowledged)
            {
                // Acknowledged: held on its rung until the promised day; past it, one rung higher than it would be.
                rung = procedure.AckLapsed ? rung + 1 : Math.Min(rung, acknowledged);
            }
        }

        return Math.Min(rung, rungs.Count - 1);
    }

    /// <summary>The roles a line reaches.</summary>
    public IReadOnlySet<EscalationRole> RolesOf(DigestLine line) =>
        line.Flag is Flag.Yellow or Flag.Red ? RungsFor(line)[RungOf(line)].Notify : new HashSet<EscalationRole>();

    private bool Climbs(ProcedureLine line) =>
        (ClimbAfterYellowPeriods > 0 && line.YellowPeriods >= ClimbAfterYellowPeriods)
        || (ClimbAfterOverdueWeeks > 0 && line.OverdueWeeks >= ClimbAfterOverdueWeeks);
}
