namespace ApprovalWatch.Domain.Weekly;

/// <summary>A project below the pace, by how far (percentage points).</summary>
public sealed record BehindProject(string Code, string Name, string Leader, decimal CompletionRate, decimal GapPoints)
{
    /// <summary>The data check that doubts its figure (<see cref="Projects.Plausibility.DoubtsInvestment"/>), said beside it; null when none.</summary>
    public string? Doubt { get; init; }
}

/// <summary>One leader in charge's projects at the weekly meeting: lights, who is behind and why.</summary>
/// <param name="BehindLastWeek">His projects below pace a week before, recomputed from the stored progress history (null across a new year).</param>
/// <param name="StaleChecks">Data checks on his projects left standing three weeks or more: they climb to him.</param>
public sealed record LeaderSection(
    string Leader,
    int Projects,
    int Red,
    int Yellow,
    int BehindPace,
    int MissedStarts,
    int OverdueProcedures,
    int OverdueProblems,
    IReadOnlyList<BehindProject> Behind,
    int? BehindLastWeek = null,
    int StaleChecks = 0
);

/// <summary>
/// The weekly meeting by leader in charge (包联领导), from the report's lights: per leader his projects, lights,
/// the projects below pace with their gap (however small: none needs a light to be listed), missed starts, overdue
/// procedures and problems; and every project below pace ranked by its gap.
/// </summary>
public static class LeaderMeeting
{
    /// <param name="checks">The standing data checks: a project whose figure one doubts says so beside its gap.</param>
    /// <param name="exactGaps">Each project's gap from the exact figures (rounded once); without it, from the rounded rate and pace.</param>
    public static IReadOnlyList<BehindProject> Behind(
        IEnumerable<ProjectLight> lights,
        decimal pace,
        IEnumerable<Projects.DataWarning>? checks = null,
        IReadOnlyDictionary<string, decimal>? exactGaps = null
    )
    {
        var doubts = (checks ?? [])
            .Where(c => Projects.Plausibility.DoubtsInvestment(c.Check))
            .GroupBy(c => c.ProjectCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Check, StringComparer.Ordinal);
        return lights.Where(l => l.CompletionRate is { } rate && rate < pace)
            .Select(l => new BehindProject(
                l.Code,
                l.Name,
                l.Leader,
                l.CompletionRate!.Value,
                exactGaps?.GetValueOrDefault(l.Code) ?? decimal.Round((pace - l.CompletionRate.Value) * 100, 2)
            )
            {
                Doubt = doubts.GetValueOrDefault(l.Code),
            })
            .OrderByDescending(b => b.GapPoints).ThenBy(b => b.Code, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>A data check standing this long since a report first raised it climbs to the leader in charge of its project.</summary>
    public const int ChecksClimbAfterDays = 21;

    /// <param name="behindLastWeek">Each leader's projects below pace a week before; null when not comparable.</param>
    /// <param name="checks">The standing data checks, with the day of the report.</param>
    public static IReadOnlyList<LeaderSection> Of(
        IReadOnlyList<ProjectLight> lights,
        decimal pace,
        IReadOnlyDictionary<string, int>? behindLastWeek = null,
        (IEnumerable<Projects.DataWarning> Standing, DateOnly AsOf)? checks = null,
        IReadOnlyDictionary<string, decimal>? exactGaps = null
    )
    {
        var behind = Behind(lights, pace, checks?.Standing, exactGaps).ToLookup(b => b.Leader);
        var leaderOf = lights.ToDictionary(l => l.Code, l => l.Leader, StringComparer.Ordinal);
        var stale = (checks?.Standing ?? [])
            .Where(c => c.FirstReported is { } first && first.AddDays(ChecksClimbAfterDays) <= checks!.Value.AsOf && leaderOf.ContainsKey(c.ProjectCode))
            .GroupBy(c => (c.ProjectCode, c.Check))
            .Select(g => leaderOf[g.Key.ProjectCode])
            .ToLookup(l => l);
        return lights
            .GroupBy(l => l.Leader)
            .Select(g =>
            {
                int Count(string kind) => g.Sum(l => l.Reasons.Count(r => r.Kind == kind));
                return new LeaderSection(
                    g.Key, g.Count(), g.Count(l => l.Light == WeeklyCalculator.Red), g.Count(l => l.Light == WeeklyCalculator.Yellow), behind[g.Key].Count(),
                    Count(LightReason.StartMissed), Count(LightReason.ProcedureOverdue), Count(LightReason.ProblemOverdue), [.. behind[g.Key]],
                    behindLastWeek is null ? null : behindLastWeek.GetValueOrDefault(g.Key), stale[g.Key].Count());
            })
            .OrderByDescending(s => s.Red)
            .ThenByDescending(s => s.MissedStarts)
            .ThenByDescending(s => s.BehindPace)
            .ThenBy(s => s.Leader, StringComparer.Ordinal)
            .ToList();
    }
}
