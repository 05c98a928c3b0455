namespace ApprovalWatch.Domain.Weekly;

/// <summary>
/// The weekly scheduling report (周调度) of one week, every figure recomputed from the stored rows. Amounts are
/// in 万元 (decimal); rates are fractions rounded to four places (a percentage to two decimals).
/// </summary>
public sealed record WeeklyReport
{
    /// <summary>2: lights' reasons are data and the report names its procedures (1: reasons were English text).</summary>
    public int Version { get; init; } = 2;

    public required string Week { get; init; }

    public required DateOnly AsOf { get; init; }

    public required DateOnly From { get; init; }

    /// <summary>The week's working days are reckoned: its year's holiday notice was not loaded when it was made (暂定).</summary>
    public bool Provisional { get; init; }

    public required Headline Headline { get; init; }

    public required StartFigures Starts { get; init; }

    public required ProcedureFigures Procedures { get; init; }

    public required ProblemFigures Problems { get; init; }

    public required IReadOnlyList<ProjectLight> Lights { get; init; }

    public required IReadOnlyList<AreaRank> Counties { get; init; }

    public required IReadOnlyList<AreaRank> Departments { get; init; }

    public required IReadOnlyList<TrendPoint> Trend { get; init; }

    /// <summary>The day of the year's first progress report, since when the completion figures have data; null when none came yet.</summary>
    public DateOnly? ProgressSince { get; init; }

    /// <summary>Progress reports that lowered a year-to-date figure, to be checked.</summary>
    public required IReadOnlyList<LoweredFigure> Lowered { get; init; }

    /// <summary>Against last week's report; null when there is none.</summary>
    public Changes? Changes { get; init; }

    /// <summary>What the pace is a share of: working days (or months) elapsed and in the year.</summary>
    public PaceBasis? PaceBasis { get; init; }

    /// <summary>数据核查: what the files say that may not be true, standing on the day.</summary>
    public IReadOnlyList<Projects.DataWarning> DataChecks { get; init; } = [];

    /// <summary>Projects planned to start in the next three months that their open procedures will not let start in time.</summary>
    public IReadOnlyList<StartRiskProject> StartRisks { get; init; } = [];

    /// <summary>Reports of this year dated before an earlier file that showed the procedure open (倒签).</summary>
    public IReadOnlyList<LateReport> LateReports { get; init; } = [];

    /// <summary>Supervision notices of the week and those still unanswered, as of the report's Sunday.</summary>
    public IReadOnlyList<NoticeLine> Notices { get; init; } = [];

    /// <summary>The weekly meeting by leader in charge.</summary>
    public IReadOnlyList<LeaderSection> Leaders { get; init; } = [];

    /// <summary>Every project below pace, the furthest behind first.</summary>
    public IReadOnlyList<BehindProject> BehindPace { get; init; } = [];

    /// <summary>The Chinese and English names of the procedures the report mentions, by code.</summary>
    public IReadOnlyDictionary<string, ProcedureName> ProcedureNames { get; init; } = new Dictionary<string, ProcedureName>();

    public int Count(string light) => Lights.Count(l => l.Light == light);
}

public sealed record Headline(
    int Projects,
    IReadOnlyDictionary<string, int> ByNature,
    decimal PlannedWan,
    decimal CompletedWan,
    decimal CompletionRate,
    decimal Pace,
    string PaceRule,
    decimal GapPoints)
{
    public decimal PlannedYi => decimal.Round(PlannedWan / 10_000m, 2, MidpointRounding.AwayFromZero);

    public decimal CompletedYi => decimal.Round(CompletedWan / 10_000m, 2, MidpointRounding.AwayFromZero);

    /// <summary>
    /// Of the completed investment, what the data checks doubt (a figure over the total, far above the plan, or reported by
    /// a project not started).
    /// </summary>
    public decimal DoubtedWan { get; init; }

    /// <summary>The completion rate without the doubted figures (same plan); null when nothing is doubted.</summary>
    public decimal? CompletionRateUndoubted { get; init; }

    /// <summary>The share of the completed investment the checks doubt; null when nothing is.</summary>
    public decimal? DoubtedShare => DoubtedWan > 0 && CompletedWan > 0 ? decimal.Round(DoubtedWan / CompletedWan, 4, MidpointRounding.AwayFromZero) : null;
}

public sealed record StartFigures(
    int PlannedByNow,
    int Started,
    decimal StartRate,
    IReadOnlyList<ProjectRef> NotStarted,
    int ReserveAtYearStart,
    int Converted,
    decimal ConversionRate,
    IReadOnlyList<ProjectRef> ConvertedProjects);

public sealed record ProjectRef(string Code, string Name, string County, string Leader, string Note);

public sealed record ProcedureFigures(
    int FinishedThisWeek,
    int OnTimeThisWeek,
    decimal? OnTimeRateWeek,
    int FinishedThisYear,
    int OnTimeThisYear,
    decimal? OnTimeRateYear,
    IReadOnlyList<OpenCount> ByDepartment,
    IReadOnlyList<OpenCount> ByCounty,
    IReadOnlyList<WorstProcedure> Worst);

public sealed record OpenCount(string Name, int Yellow, int Red);

public sealed record WorstProcedure(
    string ProjectCode,
    string ProjectName,
    string Procedure,
    string Department,
    string Handler,
    DateOnly DueOn,
    int WorkingDaysOverdue
);

public sealed record ProblemFigures(
    int OpenedThisWeek,
    int SolvedThisWeek,
    int Open,
    int Overdue,
    IReadOnlyList<ProblemCount> ByDepartment,
    IReadOnlyList<OpenProblem> OverdueList
);

/// <param name="Unsigned">Open and not yet signed for (签收) by the department.</param>
/// <param name="Returned">Open and sent back (退单) by the department, waiting to be assigned again.</param>
public sealed record ProblemCount(string Department, int Opened, int Solved, int Open, int Overdue, int Unsigned = 0, int Returned = 0);

public sealed record OpenProblem(
    string ProjectCode,
    string ProjectName,
    string Id,
    string Text,
    string Department,
    DateOnly RaisedOn,
    DateOnly DueOn,
    int WorkingDaysLeft
);

public sealed record ProjectLight(
    string Code,
    string Name,
    string County,
    string Leader,
    string Unit,
    string Light,
    decimal? CompletionRate,
    IReadOnlyList<LightReason> Reasons
);

public sealed record AreaRank(string Name, decimal PlannedWan, decimal CompletedWan, decimal? CompletionRate, decimal? OnTimeRate, int Red, int Rank);

/// <summary>A week of the trend; <see cref="CompletionRate"/> is null for a week before any progress of the year was reported (a gap, not a zero).</summary>
public sealed record TrendPoint(string Week, DateOnly AsOf, decimal? CompletionRate, decimal Pace, decimal? StartRate);

public sealed record LoweredFigure(string ProjectCode, string ProjectName, DateOnly ReportedOn, decimal YearToDate, decimal Before);

public sealed record Changes(
    string Since,
    decimal CompletedWan,
    decimal CompletionPoints,
    decimal GapPoints,
    decimal StartRatePoints,
    decimal ConversionRatePoints,
    decimal? OnTimeYearPoints,
    int Red,
    int Yellow,
    int OpenProblems,
    IReadOnlyList<string> TurnedRed,
    IReadOnlyList<string> TurnedGreen);

public sealed record ProcedureName(string Chinese, string English);

public sealed record PaceBasis(int Elapsed, int Total);

/// <summary>A supervision notice in the weekly report: issued this week, answered this week, or still unanswered.</summary>
public sealed record NoticeLine(
    string Number,
    string Department,
    string ProjectName,
    string Item,
    string ItemEnglish,
    DateOnly IssuedOn,
    DateOnly ReplyBy,
    Notices.NoticeState State,
    DateOnly? RepliedOn,
    DateOnly? ClimbedOn
)
{
    /// <summary>
    /// The notices the week's report lists, as they stood on the Monday it is made (<see cref="ReportWeek.Monday"/>): issued
    /// up to that day (the morning's own included), answered in the week, or still unanswered; the unanswered past their
    /// deadline first, then those awaiting a reply, each by number.
    /// </summary>
    public static IReadOnlyList<NoticeLine> Of(IEnumerable<Notices.SupervisionNotice> notices, ReportWeek week)
    {
        var madeOn = week.Monday;
        return
        [
            .. notices
                .Where(n => n.IssuedOn <= madeOn)
                .Select(n => n.AsOn(madeOn))
                .Where(n => n.IssuedOn >= week.From || n.StateOn(madeOn) is Notices.NoticeState.AwaitingReply or Notices.NoticeState.ReplyOverdue
                    || n.Open.Any(i => i.Reply is { } r && r.RepliedOn >= week.From))
                .OrderBy(n =>
                    n.StateOn(madeOn) switch
                    {
                        Notices.NoticeState.ReplyOverdue => 0,
                        Notices.NoticeState.AwaitingReply => 1,
                        _ => 2,
                    }
                )
                .ThenBy(n => n.Year)
                .ThenBy(n => n.Sequence)
                .Select(n => new NoticeLine(
                    n.Number,
                    n.Department,
                    n.Items[0].ProjectName + (n.Items.Count > 1 ? $" 等 {n.Items.Count} 项" : ""),
                    n.Items[0].ItemChinese,
                    n.Items[0].ItemEnglish,
                    n.IssuedOn,
                    n.ReplyBy,
                    n.StateOn(madeOn),
                    n.Open.All(i => i.Reply is not null) ? n.Open.Select(i => (DateOnly?)i.Reply!.RepliedOn).Max() : null,
                    n.Items.Max(i => i.ClimbedOn)
                )),
        ];
    }
}
