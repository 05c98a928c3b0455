using ApprovalWatch.Domain.Calendar;
using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Domain.Notices;
using ApprovalWatch.Domain.Projects;

namespace ApprovalWatch.Domain.Monthly;

/// <summary>What a month's efficiency bulletin is computed from: the stored procedures, the flags and acknowledgements History kept, the notices and
/// the problems.</summary>
public sealed record MonthlyInputs(
    DateOnly Month,
    IReadOnlyList<ProcedureFacts> Procedures,
    IReadOnlyList<FlagEvent> Flags,
    IReadOnlyList<AckEvent> Acks,
    IReadOnlyList<SupervisionNotice> Notices,
    IReadOnlyList<ProjectProblem> Problems,
    WorkingCalendar Calendar,
    Func<string, string> NameOf)
{
    /// <summary>The scan's warning period: a procedure due within it is yellow.</summary>
    public int WarningWorkingDays { get; init; } = 3;

    /// <summary>Ranked only with at least this many finished in the month: one or two are no measure of on-time work.</summary>
    public int RankMinFinished { get; init; } = 1;

    public DateOnly First => new(Month.Year, Month.Month, 1);

    public DateOnly Last => First.AddMonths(1).AddDays(-1);

    public bool InMonth(DateOnly date) => date >= First && date <= Last;
}

/// <summary>A procedure's flag turned yellow or red on a day (History's <c>flag</c> rows).</summary>
public sealed record FlagEvent(string ProjectCode, string ProcedureCode, Flag To, DateOnly On);

/// <summary>A procedure acknowledged on a day (History's <c>ack</c> rows).</summary>
public sealed record AckEvent(string ProjectCode, string ProcedureCode, DateOnly On);
