using ApprovalWatch.Domain.Projects;

namespace ApprovalWatch.Domain.Weekly;

/// <summary>A project planned to start soon whose open procedures cannot all be done by the end of its planned month.</summary>
/// <param name="EarliestStart">The working day after the last of them is due; null when one is paused (no due date yet).</param>
/// <param name="Blocking">The procedures due after the planned month ends (or paused).</param>
public sealed record StartRiskProject(string Code, string Name, string Leader, DateOnly PlannedStart, DateOnly? EarliestStart, IReadOnlyList<string> Blocking);

/// <summary>
/// Start risk (开工风险): for each project planned to start within the report's month and the next two and not started,
/// the earliest start its open procedures of the first three stages (up to the construction permit) allow — each done
/// by its due date on the project's calendar, which the scan set counting pauses and extensions — against the end of
/// its planned month. Weeks before a start is missed, the report names the project, its leader and what blocks it.
/// </summary>
public static class StartRisk
{
    private const int MonthsAhead = 3;
    private const int LastStageBeforeStart = 3;

    public static IReadOnlyList<StartRiskProject> Of(IEnumerable<RegisteredProject> projects, WeeklyInputs inputs, DateOnly asOf)
    {
        var firstOfMonth = new DateOnly(asOf.Year, asOf.Month, 1);
        var open = inputs
            .Procedures.Where(p => p.CompletedOn is null && (inputs.Catalogue?.Find(p.ProcedureCode)?.Stage ?? 1) <= LastStageBeforeStart)
            .ToLookup(p => p.ProjectCode);
        var risks = new List<StartRiskProject>();
        foreach (
            var project in projects.Where(p =>
                p.StartedOn is null && p.PlannedStart is { } s && s >= firstOfMonth && s < firstOfMonth.AddMonths(MonthsAhead)
            )
        )
        {
            var planned = project.PlannedStart!.Value;
            var monthEnd = new DateOnly(planned.Year, planned.Month, 1).AddMonths(1).AddDays(-1);
            var pending = open[project.Code].ToList();
            var blocking = pending
                .Where(p => p.DueOn is not { } due || due > monthEnd)
                .OrderBy(p => p.DueOn ?? DateOnly.MaxValue)
                .Select(p => p.ProcedureCode)
                .ToList();
            if (blocking.Count == 0)
            {
                continue;
            }

            DateOnly? earliest = pending.Any(p => p.DueOn is null) ? null : inputs.Calendar.AddWorkingDays(pending.Max(p => p.DueOn!.Value), 1);
            risks.Add(new StartRiskProject(project.Code, project.Name, inputs.Name(project.LeaderEmail), planned, earliest, blocking));
        }

        return [.. risks.OrderBy(r => r.PlannedStart).ThenBy(r => r.Code, StringComparer.Ordinal)];
    }
}
