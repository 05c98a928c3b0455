using ApprovalWatch.Domain.Text;
using ApprovalWatch.Domain.Deadlines;

namespace ApprovalWatch.Domain.Projects;

/// <summary>
/// A doubt about what the files say (数据核查): the row was applied, the check asks someone to look. <see cref="Since"/>
/// is the first report of the year from which it has held (null where no report dates it).
/// </summary>
public sealed record DataWarning(
    string ProjectCode,
    string ProjectName,
    string Check,
    DateOnly? Since,
    string Department,
    decimal? Value = null,
    decimal? Limit = null,
    string? Detail = null
)
{
    /// <summary>The day of the first weekly report that raised it (what "standing three weeks" counts from); null before it is reported.</summary>
    public DateOnly? FirstReported { get; init; }
}

/// <summary>
/// Whether what a department reports can be true, on the figures themselves: a year-to-date figure above the
/// project's total investment, or far above its annual plan; investment reported by a project not started; a
/// completed project reporting early-stage works; a project named otherwise (or in another county) in a department's
/// procedure file than in the register. A figure lower than last week's is kept and marked where it is read
/// (<see cref="ProjectFileDecision"/>); a completion before acceptance is refused with its row.
/// </summary>
public static class Plausibility
{
    public const string OverTotal = "ytd_over_total";
    public const string FarAbovePlan = "ytd_far_above_plan";
    public const string NotStarted = "investment_not_started";
    public const string CompletedEarlyStage = "completed_early_stage";
    public const string NamedOtherwise = "named_otherwise";
    public const string ApprovedBeforeRequired = "approved_before_required";
    public const string LongPause = "pause_longer_than_limit";

    /// <summary>Whether a check doubts the project's year-to-date investment figure itself.</summary>
    public static bool DoubtsInvestment(string check) => check is OverTotal or FarAbovePlan or NotStarted;

    /// <summary>"Far above the plan": more than this many times the year's plan.</summary>
    public const decimal FarAbovePlanFactor = 1.5m;

    // Works of a project's first stages, which a completed project no longer reports.
    private static readonly string[] EarlyStageWords = ["前期", "开工准备", "场地平整", "土方", "基坑", "桩基", "基础", "主体"];

    /// <summary>The checks on one progress report against the project's register.</summary>
    public static IEnumerable<DataWarning> Of(RegisteredProject register, ProgressReport report)
    {
        DataWarning Warn(string check, decimal? value = null, decimal? limit = null, string? detail = null) =>
            new(register.Code, register.Name, check, report.ReportedOn, register.ResponsibleUnit, value, limit, detail);

        if (register.TotalInvestment > 0 && report.YearToDate > register.TotalInvestment)
        {
            yield return Warn(OverTotal, report.YearToDate, register.TotalInvestment);
        }
        else if (register.AnnualPlan > 0 && report.YearToDate > register.AnnualPlan * FarAbovePlanFactor)
        {
            yield return Warn(FarAbovePlan, report.YearToDate, register.AnnualPlan);
        }

        if (
            report.YearToDate > 0
            && (register.Nature == ProjectNature.Reserve || (register.Nature == ProjectNature.NewStart && !(register.StartedOn <= report.ReportedOn)))
        )
        {
            yield return Warn(NotStarted, report.YearToDate);
        }

        if (register.Nature == ProjectNature.Completed && EarlyStageWords.Any(report.Physical.Contains))
        {
            yield return Warn(CompletedEarlyStage, detail: report.Physical);
        }
    }

    /// <summary>
    /// The doubts standing on a day: each project's last report of the year checked, dated from the first report from
    /// which the same check has held; and procedure files naming a registered project otherwise.
    /// </summary>
    public static IReadOnlyList<DataWarning> Standing(
        IEnumerable<RegisteredProject> projects,
        IEnumerable<ProgressReport> progress,
        IEnumerable<ProcedureFacts> procedures,
        DateOnly asOf,
        Catalogue.ProcedureCatalogue? catalogue = null,
        Calendar.WorkingCalendar? calendar = null
    )
    {
        var registers = projects.ToDictionary(p => p.Code, StringComparer.Ordinal);
        var warnings = new List<DataWarning>();
        foreach (var reports in progress.Where(r => r.ReportedOn.Year == asOf.Year && r.ReportedOn <= asOf).GroupBy(r => r.ProjectCode))
        {
            if (!registers.TryGetValue(reports.Key, out var register))
            {
                continue;
            }

            var ordered = reports.OrderBy(r => r.ReportedOn).ToList();
            foreach (var last in Of(register, ordered[^1]))
            {
                // The last report holds it: back through the reports while they do.
                var since = ordered.AsEnumerable().Reverse().TakeWhile(r => Of(register, r).Any(w => w.Check == last.Check)).Last().ReportedOn;
                warnings.Add(last with { Since = since });
            }
        }

        foreach (var named in procedures.Where(p => registers.ContainsKey(p.ProjectCode)).GroupBy(p => (p.ProjectCode, p.Department)))
        {
            var register = registers[named.Key.ProjectCode];
            if (
                named.FirstOrDefault(p =>
                    (p.ProjectName.Length > 0 && p.ProjectName != register.Name) || (p.County.Length > 0 && p.County != register.County)
                ) is
                { } other
            )
            {
                warnings.Add(
                    new DataWarning(
                        register.Code,
                        register.Name,
                        NamedOtherwise,
                        null,
                        named.Key.Department,
                        Detail: $"{other.ProjectName} · {other.County}"
                    )
                );
            }
        }

        warnings.AddRange(Contradictions(procedures, catalogue));
        warnings.AddRange(LongPauses(procedures, catalogue, asOf, calendar));
        return
        [
            .. warnings
                .OrderBy(w => w.Since ?? DateOnly.MaxValue)
                .ThenBy(w => w.ProjectCode, StringComparer.Ordinal)
                .ThenBy(w => w.Check, StringComparer.Ordinal),
        ];
    }

    /// <summary>
    /// Procedures finished while one the catalogue says must come before them was not even accepted (or accepted only
    /// later): one warning for each of the two departments.
    /// </summary>
    private static IEnumerable<DataWarning> Contradictions(IEnumerable<ProcedureFacts> procedures, Catalogue.ProcedureCatalogue? catalogue)
    {
        if (catalogue is null)
        {
            yield break;
        }

        foreach (var project in procedures.GroupBy(p => p.ProjectCode))
        {
            var byCode = project.GroupBy(p => p.ProcedureCode).ToDictionary(g => g.Key, g => g.First());
            var accepted = byCode.ToDictionary(p => p.Key, p => p.Value.AcceptedOn);
            foreach (var done in project.Where(p => p.CompletedOn is not null))
            {
                foreach (var required in MissingBefore(done.ProcedureCode, done.CompletedOn, catalogue, accepted))
                {
                    var detail = $"{done.ProcedureCode} ← {required}";
                    yield return new DataWarning(project.Key, done.ProjectName, ApprovedBeforeRequired, done.CompletedOn, done.Department, Detail: detail);
                    var owner = byCode.GetValueOrDefault(required)?.Department ?? catalogue.Find(required)?.Department;
                    if (owner is not null && owner != done.Department)
                    {
                        yield return new DataWarning(project.Key, done.ProjectName, ApprovedBeforeRequired, done.CompletedOn, owner, Detail: detail);
                    }
                }
            }
        }
    }

    /// <summary>A pause (to its end, or to the day while it runs) of more working days than its procedure's whole statutory limit.</summary>
    private static IEnumerable<DataWarning> LongPauses(
        IEnumerable<ProcedureFacts> procedures,
        Catalogue.ProcedureCatalogue? catalogue,
        DateOnly asOf,
        Calendar.WorkingCalendar? calendar
    )
    {
        if (catalogue is null || calendar is null)
        {
            yield break;
        }

        foreach (var p in procedures)
        {
            // Measured against the statutory limit, or the promised one where no law sets one.
            if (catalogue.Find(p.ProcedureCode) is not { } found)
            {
                continue;
            }

            var limit = found.StatutoryDays > 0 ? found.StatutoryDays : found.PromisedDays;
            foreach (var pause in p.Pauses ?? [])
            {
                var end = pause.To ?? asOf;
                if (end > pause.From && calendar.Covers(pause.From) && calendar.Covers(end) && calendar.WorkingDaysAfter(pause.From, end) > limit)
                {
                    yield return new DataWarning(
                        p.ProjectCode,
                        p.ProjectName,
                        LongPause,
                        pause.From,
                        p.Department,
                        calendar.WorkingDaysAfter(pause.From, end),
                        limit,
                        $"{p.ProcedureCode} {pause.Reason}".Trim()
                    );
                    break;
                }
            }
        }
    }

    /// <summary>The procedures a procedure requires that its project had not accepted by the day it was finished.</summary>
    /// <param name="acceptedOn">When the project's other procedures were accepted, by code.</param>
    public static IEnumerable<string> MissingBefore(
        string procedure,
        DateOnly? completedOn,
        Catalogue.ProcedureCatalogue catalogue,
        IReadOnlyDictionary<string, DateOnly> acceptedOn
    ) =>
        completedOn is { } done
            ? (catalogue.Find(procedure)?.Requires ?? []).Where(r => !(acceptedOn.TryGetValue(r, out var accepted) && accepted <= done))
            : [];

    /// <summary>A contradiction as the receipt of the file that brings the approval notes it.</summary>
    public static Reason ContradictionNote(int line, string project, string procedure, DateOnly completedOn, string required) =>
        Reason.Of("plausibility.approved_before_required", line, project, procedure, completedOn, required);

    /// <summary>A warning as a receipt's note.</summary>
    public static Reason Note(DataWarning w, int line) =>
        w.Check switch
        {
            OverTotal => Reason.Of("plausibility.over_total", line, w.ProjectCode, w.Value, w.Limit),
            FarAbovePlan => Reason.Of("plausibility.far_above_plan", line, w.ProjectCode, w.Value, w.Limit, FarAbovePlanFactor),
            NotStarted => Reason.Of("plausibility.not_started", line, w.ProjectCode, w.Value),
            CompletedEarlyStage => Reason.Of("plausibility.completed_early_stage", line, w.ProjectCode, w.Detail),
            _ => Reason.Of("plausibility.to_check", line, w.ProjectCode, w.Check),
        };
}
