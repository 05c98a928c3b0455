using ApprovalWatch.Domain.Calendar;

namespace ApprovalWatch.Domain.Deadlines;

/// <summary>
/// A project measured against its whole-process limit (<see cref="Scope"/> <c>process</c>) or a stage's
/// limit (<c>stage-N</c>). <see cref="HoldingDepartments"/> are the departments with procedures still open.
/// </summary>
public sealed record ProjectMeasure(
    string ProjectCode,
    int Stage,
    DateOnly StartedOn,
    DateOnly? FinishedOn,
    int LimitDays,
    DateOnly DueOn,
    Flag Flag,
    int WorkingDaysLeft,
    bool FinishedLate,
    IReadOnlyList<string> HoldingDepartments)
{
    public const string WholeProcess = "process";

    /// <summary><c>process</c> for the whole process (<see cref="Stage"/> 0), else <c>stage-N</c>.</summary>
    public string Scope => ScopeOf(Stage);

    /// <summary>The due date or the days counted to today pass a year whose notice is not loaded (暂定).</summary>
    public bool Provisional { get; init; }

    public static string ScopeOf(int stage) => stage == 0 ? WholeProcess : $"stage-{stage}";

    /// <summary>Measures one project's procedures (with their catalogue stage) on one day.</summary>
    public static IReadOnlyList<ProjectMeasure> Of(
        string projectCode,
        IReadOnlyList<(Procedure Procedure, int Stage)> procedures,
        WorkingCalendar calendar,
        DateOnly today,
        ProjectLimits limits
    )
    {
        var measures = new List<ProjectMeasure>();
        var process = procedures.Where(p => p.Stage <= 3).ToList();
        if (process.Count > 0)
        {
            // The whole process ends with the construction permit stage: not before a stage-3 procedure is reported.
            var ended = process.Any(p => p.Stage == 3);
            measures.Add(
                Measure(
                    projectCode,
                    0,
                    process.Select(p => p.Procedure).ToList(),
                    ended,
                    limits.WholeProcessDays,
                    calendar,
                    today,
                    limits.WarningWorkingDays
                )
            );
        }

        foreach (var stage in procedures.GroupBy(p => p.Stage).OrderBy(g => g.Key))
        {
            if (limits.StageDays.TryGetValue(stage.Key, out var days))
            {
                measures.Add(Measure(projectCode, stage.Key, stage.Select(p => p.Procedure).ToList(), true, days, calendar, today, limits.WarningWorkingDays));
            }
        }

        return measures;
    }

    private static ProjectMeasure Measure(
        string projectCode,
        int stage,
        List<Procedure> procedures,
        bool canEnd,
        int limit,
        WorkingCalendar calendar,
        DateOnly today,
        int warning
    )
    {
        var started = procedures.Min(p => p.AcceptedOn);
        var due = calendar.AddWorkingDays(started, limit);
        var open = procedures.Where(p => !p.Status.IsFinished()).ToList();
        if (canEnd && open.Count == 0)
        {
            var finished = procedures.Max(p => p.CompletedOn ?? OfficeClock.DateOf(p.AsOf));
            return new ProjectMeasure(projectCode, stage, started, finished, limit, due, Flag.Finished, 0, finished > due, [])
            {
                Provisional = calendar.AnyProvisional(started, finished > due ? finished : due),
            };
        }

        var left = Assessment.Left(calendar, today, due);
        var holding = open.Select(p => p.Department).Distinct().Order(StringComparer.Ordinal).ToList();
        return new ProjectMeasure(projectCode, stage, started, null, limit, due, Flags.For(left, warning), left, false, holding)
        {
            Provisional = calendar.AnyProvisional(started, today > due ? today : due),
        };
    }
}
