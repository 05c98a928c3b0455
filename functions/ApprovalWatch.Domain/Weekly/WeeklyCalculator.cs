using ApprovalWatch.Domain.Catalogue;
using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Domain.Projects;
using ApprovalWatch.Domain.Text;

namespace ApprovalWatch.Domain.Weekly;

/// <summary>
/// Computes the weekly report from the stored rows. Every formula is in README ("Weekly report"); amounts are
/// summed as decimals, rates rounded once at the end.
/// </summary>
public static class WeeklyCalculator
{
    public const string Green = "green";
    public const string Yellow = "yellow";
    public const string Red = "red";
    private const int TrendWeeks = 8;

    public static WeeklyReport Compute(WeeklyInputs inputs, WeeklyReport? previous = null)
    {
        var week = inputs.Week;
        var asOf = week.AsOf;
        var projects = inputs.Projects.OrderBy(p => p.Code, StringComparer.Ordinal).ToList();
        var byCode = projects.ToDictionary(p => p.Code, StringComparer.Ordinal);
        var ytd = YearToDate(inputs.Progress, asOf);
        var planned = projects.Sum(p => p.AnnualPlan);
        var completed = projects.Sum(p => ytd.GetValueOrDefault(p.Code));
        var exactPace = PaceRule.On(asOf, inputs.Rules.Pace, inputs.Calendar, inputs.Curve);
        var pace = Round(exactPace);
        var completion = Rate(completed, planned) ?? 0;
        var headline = new Headline(
            projects.Count,
            projects.GroupBy(p => p.Nature.Code()).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            planned,
            completed,
            completion,
            pace,
            inputs.Rules.Pace,
            // Rounded once: the gap from the exact figures, not from the two rounded ones.
            Points((planned == 0 ? 0 : completed / planned) - exactPace));
        var starts = Starts(projects, asOf, inputs);
        var procedures = Procedures(inputs, asOf);
        var problems = Problems(inputs, byCode, asOf);
        var lights = Lights(inputs, projects, ytd, pace, asOf);
        var startRisks = StartRisk.Of(projects, inputs, asOf);
        var checks = Reported(Plausibility.Standing(projects, inputs.Progress, inputs.Procedures, asOf, inputs.Catalogue, inputs.Calendar), previous, asOf);
        var doubted = checks.Where(c => Plausibility.DoubtsInvestment(c.Check)).Select(c => c.ProjectCode).Distinct().Sum(c => ytd.GetValueOrDefault(c));
        headline = headline with
        {
            DoubtedWan = doubted,
            CompletionRateUndoubted = doubted > 0 ? Rate(completed - doubted, planned) : null,
        };
        var report = new WeeklyReport
        {
            Week = week.ToString(),
            AsOf = asOf,
            From = week.From,
            Provisional = inputs.Calendar.Covers(asOf) && inputs.Calendar.AnyProvisional(week.From, asOf),
            Headline = headline,
            Starts = starts,
            Procedures = procedures,
            Problems = problems,
            Lights = lights,
            Counties = Rank(
                projects.GroupBy(p => p.County),
                inputs.Procedures.GroupBy(p => byCode.GetValueOrDefault(p.ProjectCode)?.County ?? p.County),
                ytd,
                lights,
                asOf
            ),
            Departments = Rank(projects.GroupBy(p => p.ResponsibleUnit), inputs.Procedures.GroupBy(p => p.Department), ytd, lights, asOf),
            Trend = Trend(inputs, projects),
            ProgressSince = inputs
                .Progress.Where(r => r.ReportedOn.Year == inputs.Week.AsOf.Year && r.ReportedOn <= inputs.Week.AsOf)
                .Select(r => (DateOnly?)r.ReportedOn)
                .Min(),
            Lowered = Lowered(inputs.Progress, byCode, asOf),
            ProcedureNames = ProcedureNames(inputs, procedures, lights, startRisks, checks),
            PaceBasis = PaceRule.Basis(asOf, inputs.Rules.Pace, inputs.Calendar) is var (elapsed, total) ? new PaceBasis(elapsed, total) : null,
            Leaders = LeaderMeeting.Of(lights, pace, BehindLastWeek(inputs, projects), (checks, asOf), Exact(projects, ytd, exactPace)),
            DataChecks = checks,
            BehindPace = LeaderMeeting.Behind(lights, pace, checks, Exact(projects, ytd, exactPace)),
            StartRisks = startRisks,
            Notices = NoticeLine.Of(inputs.Notices ?? [], week),
            LateReports =
            [
                .. (inputs.LateReports ?? [])
                    .Where(l => l.RecordedOn.Year == asOf.Year && l.RecordedOn <= asOf)
                    .OrderBy(l => l.RecordedOn)
                    .ThenBy(l => l.ProjectCode, StringComparer.Ordinal),
            ],
        };
        return previous is null ? report : report with { Changes = Compare(report, previous) };
    }

    /// <summary>Each project's exact gap to the exact pace, in points rounded once.</summary>
    private static Dictionary<string, decimal> Exact(IEnumerable<RegisteredProject> projects, Dictionary<string, decimal> ytd, decimal exactPace) =>
        projects
            .Where(p => p.AnnualPlan > 0)
            .ToDictionary(p => p.Code, p => Points(exactPace - ytd.GetValueOrDefault(p.Code) / p.AnnualPlan), StringComparer.Ordinal);

    /// <summary>Each check dated by the first report that raised it: last week's date carried on, this report's for a new one.</summary>
    private static IReadOnlyList<Projects.DataWarning> Reported(IReadOnlyList<Projects.DataWarning> checks, WeeklyReport? previous, DateOnly asOf)
    {
        var before = (previous?.DataChecks ?? [])
            .GroupBy(c => (c.ProjectCode, c.Check))
            .ToDictionary(g => g.Key, g => g.Min(c => c.FirstReported ?? previous!.AsOf));
        return [.. checks.Select(c => c with { FirstReported = before.TryGetValue((c.ProjectCode, c.Check), out var first) ? first : asOf })];
    }

    /// <summary>Each leader's projects below pace as of the Sunday before, from the stored progress history; null across a new year.</summary>
    private static Dictionary<string, int>? BehindLastWeek(WeeklyInputs inputs, List<RegisteredProject> projects)
    {
        var asOf = inputs.Week.Previous.AsOf;
        if (asOf.Year != inputs.Week.AsOf.Year)
        {
            return null;
        }

        var ytd = YearToDate(inputs.Progress, asOf);
        var pace = Round(PaceRule.On(asOf, inputs.Rules.Pace, inputs.Calendar, inputs.Curve));
        return projects
            .Where(p => p.AnnualPlan > 0 && p.Nature != ProjectNature.Reserve && Rate(ytd.GetValueOrDefault(p.Code), p.AnnualPlan) < pace)
            .GroupBy(p => inputs.Name(p.LeaderEmail))
            .ToDictionary(g => g.Key, g => g.Count());
    }

    /// <summary>Each project's latest year-to-date figure on or before the date, of the date's year.</summary>
    private static Dictionary<string, decimal> YearToDate(IEnumerable<ProgressReport> progress, DateOnly asOf) =>
        progress.Where(r => r.ReportedOn <= asOf && r.ReportedOn.Year == asOf.Year)
            .GroupBy(r => r.ProjectCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.MaxBy(r => r.ReportedOn)!.YearToDate, StringComparer.Ordinal);

    private static StartFigures Starts(List<RegisteredProject> projects, DateOnly asOf, WeeklyInputs inputs)
    {
        var monthEnd = new DateOnly(asOf.Year, asOf.Month, 1).AddMonths(1);
        // Planned to start this year by the end of the report's month (a start planned last year and made this year counts too).
        var planned = projects.Where(p => p.PlannedStart is { } s && s.Year == asOf.Year && s < monthEnd).ToList();
        bool Started(RegisteredProject p) => p.StartedOn is { } s && s <= asOf;
        var notStarted = planned.Where(p => !Started(p))
            .Select(p => new ProjectRef(p.Code, p.Name, p.County, inputs.Name(p.LeaderEmail), $"{p.PlannedStart:yyyy-MM}")).ToList();
        bool ConvertedThisYear(RegisteredProject p) => p.ConvertedOn is { } c && c.Year == asOf.Year && c <= asOf;
        var converted = projects.Where(ConvertedThisYear).ToList();
        var reserveAtYearStart = projects.Count(p => p.Nature == ProjectNature.Reserve) + converted.Count;
        return new StartFigures(
            planned.Count,
            planned.Count - notStarted.Count,
            Rate(planned.Count - notStarted.Count, planned.Count) ?? 0,
            notStarted,
            reserveAtYearStart,
            converted.Count,
            Rate(converted.Count, reserveAtYearStart) ?? 0,
            converted.Select(p => new ProjectRef(p.Code, p.Name, p.County, inputs.Name(p.LeaderEmail), $"{IsoDate.Format(p.ConvertedOn)}")).ToList());
    }

    private static ProcedureFigures Procedures(WeeklyInputs inputs, DateOnly asOf)
    {
        var finishedYear = inputs.Procedures.Where(p => p.CompletedOn is { } c && c.Year == asOf.Year && c <= asOf).ToList();
        var finishedWeek = finishedYear.Where(p => inputs.Week.Contains(p.CompletedOn!.Value)).ToList();
        var open = inputs.Procedures.Where(p => p.CompletedOn is null && p.Flag is Flag.Yellow or Flag.Red).ToList();
        List<OpenCount> Count(IEnumerable<IGrouping<string, ProcedureFacts>> groups) => groups
            .Select(g => new OpenCount(g.Key, g.Count(p => p.Flag == Flag.Yellow), g.Count(p => p.Flag == Flag.Red)))
            .OrderByDescending(c => c.Red).ThenByDescending(c => c.Yellow).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();
        var worst = open.Where(p => p.Flag == Flag.Red && p.DueOn is not null)
            .Select(p => new WorstProcedure(
                p.ProjectCode,
                p.ProjectName,
                p.ProcedureCode,
                p.Department,
                inputs.Name(p.HandlerEmail),
                p.DueOn!.Value,
                Overdue(inputs, p.DueOn.Value, asOf)
            ))
            .OrderByDescending(w => w.WorkingDaysOverdue)
            .ThenBy(w => w.ProjectCode, StringComparer.Ordinal)
            .ThenBy(w => w.Procedure, StringComparer.Ordinal)
            .Take(10)
            .ToList();
        return new ProcedureFigures(
            finishedWeek.Count,
            finishedWeek.Count(p => !p.FinishedLate),
            Rate(finishedWeek.Count(p => !p.FinishedLate), finishedWeek.Count),
            finishedYear.Count,
            finishedYear.Count(p => !p.FinishedLate),
            Rate(finishedYear.Count(p => !p.FinishedLate), finishedYear.Count),
            Count(open.GroupBy(p => p.Department)),
            Count(open.GroupBy(p => p.County)),
            worst);
    }

    private static ProblemFigures Problems(WeeklyInputs inputs, Dictionary<string, RegisteredProject> byCode, DateOnly asOf)
    {
        var problems = inputs.Problems.Where(p => p.RaisedOn <= asOf).ToList();
        var byDepartment = problems.GroupBy(p => p.Department)
            .Select(g => new ProblemCount(
                g.Key,
                g.Count(p => inputs.Week.Contains(p.RaisedOn)),
                g.Count(p => p.SolvedOn is { } s && inputs.Week.Contains(s)),
                g.Count(p => p.IsOpenOn(asOf)),
                g.Count(p => p.IsOverdueOn(asOf)),
                g.Count(p => p.IsOpenOn(asOf) && p.AwaitsSignature),
                g.Count(p => p.IsOpenOn(asOf) && p.IsReturned)
            ))
            .OrderByDescending(c => c.Overdue)
            .ThenByDescending(c => c.Open)
            .ThenBy(c => c.Department, StringComparer.Ordinal)
            .ToList();
        var overdue = problems
            .Where(p => p.IsOverdueOn(asOf))
            .Select(p => new OpenProblem(
                p.ProjectCode,
                byCode.GetValueOrDefault(p.ProjectCode)?.Name ?? p.ProjectCode,
                p.Id,
                p.Text,
                p.Department,
                p.RaisedOn,
                p.DueOn,
                -Overdue(inputs, p.DueOn, asOf)
            ))
            .OrderBy(p => p.WorkingDaysLeft)
            .ThenBy(p => p.ProjectCode, StringComparer.Ordinal)
            .ToList();
        return new ProblemFigures(
            byDepartment.Sum(c => c.Opened),
            byDepartment.Sum(c => c.Solved),
            byDepartment.Sum(c => c.Open),
            byDepartment.Sum(c => c.Overdue),
            byDepartment,
            overdue
        );
    }

    private static List<ProjectLight> Lights(
        WeeklyInputs inputs,
        List<RegisteredProject> projects,
        Dictionary<string, decimal> ytd,
        decimal pace,
        DateOnly asOf
    )
    {
        var rules = inputs.Rules;
        var redProcedures = inputs.Procedures.Where(p => p.CompletedOn is null && p.Flag == Flag.Red && p.DueOn is not null).ToLookup(p => p.ProjectCode);
        var overdueProblems = inputs.Problems.Where(p => p.IsOverdueOn(asOf)).ToLookup(p => p.ProjectCode);
        var monthEnd = new DateOnly(asOf.Year, asOf.Month, 1).AddMonths(1);
        var lights = new List<ProjectLight>();
        foreach (var project in projects)
        {
            var reasons = new List<(string Light, LightReason Reason)>();
            decimal? rate =
                project.AnnualPlan > 0 && project.Nature != ProjectNature.Reserve
                    ? Rate(ytd.GetValueOrDefault(project.Code), project.AnnualPlan)
                    : null;
            if (rate is { } r)
            {
                var below = Points(pace - r);
                if (below >= rules.RedPoints)
                {
                    reasons.Add((Red, LightReason.InvestmentBelowPace(below)));
                }
                else if (below >= rules.YellowPoints)
                {
                    reasons.Add((Yellow, LightReason.InvestmentBelowPace(below)));
                }
            }

            if (project.PlannedStart is { } start && start.Year == asOf.Year && start < monthEnd && project.StartedOn is null)
            {
                reasons.Add((start.AddMonths(3) < monthEnd ? Red : Yellow, LightReason.NotStarted(start)));
            }

            foreach (var procedure in redProcedures[project.Code])
            {
                var days = Overdue(inputs, procedure.DueOn!.Value, asOf);
                reasons.Add((days >= rules.RedProcedureWorkingDays ? Red : Yellow, LightReason.OverdueProcedure(procedure.ProcedureCode, days)));
            }

            foreach (var problem in overdueProblems[project.Code])
            {
                var days = Overdue(inputs, problem.DueOn, asOf);
                reasons.Add((days >= rules.RedProcedureWorkingDays ? Red : Yellow, LightReason.OverdueProblem(problem.Id, problem.Text, days)));
            }

            var light =
                reasons.Any(x => x.Light == Red) ? Red
                : reasons.Count > 0 ? Yellow
                : Green;
            lights.Add(
                new ProjectLight(
                    project.Code,
                    project.Name,
                    project.County,
                    inputs.Name(project.LeaderEmail),
                    project.ResponsibleUnit,
                    light,
                    rate,
                    reasons.Select(x => x.Reason).ToList()
                )
            );
        }

        return lights;
    }

    // The names of the procedures the report mentions, so that every reader gets them in his language.
    private static Dictionary<string, ProcedureName> ProcedureNames(
        WeeklyInputs inputs,
        ProcedureFigures procedures,
        List<ProjectLight> lights,
        IReadOnlyList<StartRiskProject> startRisks,
        IReadOnlyList<Projects.DataWarning> checks
    ) =>
        procedures
            .Worst.Select(w => w.Procedure)
            .Concat(lights.SelectMany(l => l.Reasons).Select(r => r.Procedure).OfType<string>())
            .Concat(startRisks.SelectMany(r => r.Blocking))
            // The codes a check's detail names (HC-02 ← NR-03): a catalogue entry's, or no name.
            .Concat(checks.SelectMany(c => (c.Detail ?? "").Split([' ', '←', '；', ';', ','], StringSplitOptions.RemoveEmptyEntries)))
            .Distinct(StringComparer.Ordinal)
            .Select(code => inputs.Catalogue?.Find(code))
            .OfType<CatalogueEntry>()
            .ToDictionary(e => e.Code, e => new ProcedureName(e.ChineseName, e.EnglishName), StringComparer.Ordinal);

    private static List<AreaRank> Rank(
        IEnumerable<IGrouping<string, RegisteredProject>> projects,
        IEnumerable<IGrouping<string, ProcedureFacts>> procedures,
        Dictionary<string, decimal> ytd,
        List<ProjectLight> lights,
        DateOnly asOf
    )
    {
        var onTime = procedures.ToDictionary(
            g => g.Key,
            g =>
            {
                var finished = g.Where(p => p.CompletedOn is { } c && c.Year == asOf.Year && c <= asOf).ToList();
                return Rate(finished.Count(p => !p.FinishedLate), finished.Count);
            });
        var red = lights.Where(l => l.Light == Red).Select(l => l.Code).ToHashSet(StringComparer.Ordinal);
        var ranks = projects
            .Select(g =>
            {
                var plan = g.Sum(p => p.AnnualPlan);
                var done = g.Sum(p => ytd.GetValueOrDefault(p.Code));
                return new AreaRank(g.Key, plan, done, Rate(done, plan), onTime.GetValueOrDefault(g.Key), g.Count(p => red.Contains(p.Code)), 0);
            })
            .OrderByDescending(a => a.CompletionRate ?? -1).ThenByDescending(a => a.OnTimeRate ?? -1).ThenBy(a => a.Name, StringComparer.Ordinal)
            .ToList();
        return ranks.Select((a, i) => a with { Rank = i + 1 }).ToList();
    }

    /// <summary>The headline rates of the last weeks, recomputed from the stored history (progress is never overwritten).</summary>
    private static List<TrendPoint> Trend(WeeklyInputs inputs, List<RegisteredProject> projects)
    {
        var planned = projects.Sum(p => p.AnnualPlan);
        var points = new List<TrendPoint>();
        for (var back = TrendWeeks - 1; back >= 0; back--)
        {
            var week = ReportWeek.Of(inputs.Week.Monday.AddDays(-7 * back));
            if (week.AsOf.Year != inputs.Week.AsOf.Year || !inputs.Calendar.Covers(week.AsOf))
            {
                continue;
            }

            var ytd = YearToDate(inputs.Progress, week.AsOf);
            var starts = Starts(projects, week.AsOf, inputs);
            var reported = inputs.Progress.Any(r => r.ReportedOn.Year == week.AsOf.Year && r.ReportedOn <= week.AsOf);
            points.Add(
                new TrendPoint(
                    week.ToString(),
                    week.AsOf,
                    reported ? Rate(projects.Sum(p => ytd.GetValueOrDefault(p.Code)), planned) ?? 0 : null,
                    Round(PaceRule.On(week.AsOf, inputs.Rules.Pace, inputs.Calendar, inputs.Curve)),
                    starts.PlannedByNow > 0 ? starts.StartRate : null
                )
            );
        }

        return points;
    }

    private static List<LoweredFigure> Lowered(IReadOnlyList<ProgressReport> progress, Dictionary<string, RegisteredProject> byCode, DateOnly asOf)
    {
        var lowered = new List<LoweredFigure>();
        foreach (var reports in progress.Where(r => r.ReportedOn.Year == asOf.Year && r.ReportedOn <= asOf).GroupBy(r => r.ProjectCode))
        {
            ProgressReport? before = null;
            foreach (var report in reports.OrderBy(r => r.ReportedOn))
            {
                if (before is not null && report.YearToDate < before.YearToDate)
                {
                    lowered.Add(
                        new LoweredFigure(
                            report.ProjectCode,
                            byCode.GetValueOrDefault(report.ProjectCode)?.Name ?? "",
                            report.ReportedOn,
                            report.YearToDate,
                            before.YearToDate
                        )
                    );
                }

                before = report;
            }
        }

        return lowered.OrderBy(l => l.ProjectCode, StringComparer.Ordinal).ThenBy(l => l.ReportedOn).ToList();
    }

    private static Changes Compare(WeeklyReport now, WeeklyReport before)
    {
        var lightBefore = before.Lights.ToDictionary(l => l.Code, l => l.Light, StringComparer.Ordinal);
        return new Changes(
            before.Week,
            now.Headline.CompletedWan - before.Headline.CompletedWan,
            Points(now.Headline.CompletionRate - before.Headline.CompletionRate),
            now.Headline.GapPoints - before.Headline.GapPoints,
            Points(now.Starts.StartRate - before.Starts.StartRate),
            Points(now.Starts.ConversionRate - before.Starts.ConversionRate),
            now.Procedures.OnTimeRateYear is { } a && before.Procedures.OnTimeRateYear is { } b ? Points(a - b) : null,
            now.Count(Red) - before.Count(Red),
            now.Count(Yellow) - before.Count(Yellow),
            now.Problems.Open - before.Problems.Open,
            now.Lights.Where(l => l.Light == Red && lightBefore.GetValueOrDefault(l.Code) != Red).Select(l => l.Code).ToList(),
            now.Lights.Where(l => l.Light == Green && lightBefore.TryGetValue(l.Code, out var was) && was != Green).Select(l => l.Code).ToList());
    }

    private static int Overdue(WeeklyInputs inputs, DateOnly dueOn, DateOnly asOf) => -Assessment.Left(inputs.Calendar, asOf, dueOn);

    private static decimal? Rate(decimal part, decimal whole) => whole == 0 ? null : Round(part / whole);

    private static decimal Round(decimal fraction) => decimal.Round(fraction, 4, MidpointRounding.AwayFromZero);

    /// <summary>A difference of fractions in percentage points, two decimals.</summary>
    private static decimal Points(decimal fraction) => decimal.Round(fraction * 100, 2, MidpointRounding.AwayFromZero);
}
