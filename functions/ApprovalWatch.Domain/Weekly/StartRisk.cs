using ApprovalWatch.Domain.Catalogue;
using ApprovalWatch.Domain.Projects;

namespace ApprovalWatch.Domain.Weekly;

/// <summary>A project planned to start soon that cannot start in its planned month, even with every step at its limit.</summary>
/// <param name="EarliestStart">The working day after its last needed procedure can be done; null when one is paused (no due date yet).</param>
/// <param name="Blocking">The procedures that end after the planned month (or are paused), those never applied for among them.</param>
public sealed record StartRiskProject(
    string Code,
    string Name,
    string Leader,
    DateOnly PlannedStart,
    DateOnly? EarliestStart,
    IReadOnlyList<string> Blocking
)
{
    /// <summary>The blocking procedures nobody has applied for yet (their days counted from the report's day at their promised limits).</summary>
    public IReadOnlyList<string> NotApplied { get; init; } = [];
}

/// <summary>
/// Start risk (开工风险): for each project planned to start within the report's month and the next two and not started,
/// the earliest start every procedure it still needs allows — the construction permits (the catalogue's stage-3 licences)
/// and all they require, and whatever else it has open up to stage 3. A procedure applied for is done by its due date
/// (the scan's, counting pauses and extensions); one never applied for is applied for on the report's day or when what it
/// requires is done, and takes its promised limit, on the prefecture's calendar. A project whose earliest start falls
/// after its planned month is named, with its leader and what blocks it.
/// </summary>
public static class StartRisk
{
    private const int MonthsAhead = 3;
    private const int LastStageBeforeStart = 3;

    public static IReadOnlyList<StartRiskProject> Of(IEnumerable<RegisteredProject> projects, WeeklyInputs inputs, DateOnly asOf)
    {
        var firstOfMonth = new DateOnly(asOf.Year, asOf.Month, 1);
        var catalogue = inputs.Catalogue;
        var facts = inputs.Procedures.ToLookup(p => p.ProjectCode);
        var gates = catalogue?.Entries.Where(e => e.Stage == LastStageBeforeStart && e.Kind == ProcedureKind.Licence).ToList() ?? [];
        var risks = new List<StartRiskProject>();
        foreach (
            var project in projects.Where(p =>
                p.StartedOn is null && p.PlannedStart is { } s && s >= firstOfMonth && s < firstOfMonth.AddMonths(MonthsAhead)
            )
        )
        {
            var planned = project.PlannedStart!.Value;
            var monthEnd = new DateOnly(planned.Year, planned.Month, 1).AddMonths(1).AddDays(-1);
            var own = facts[project.Code].GroupBy(p => p.ProcedureCode).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
            var needed = Needed(gates, catalogue)
                .Concat(own.Values.Where(p => p.CompletedOn is null && (catalogue?.Find(p.ProcedureCode)?.Stage ?? 1) <= LastStageBeforeStart)
                    .Select(p => p.ProcedureCode))
                .Distinct(StringComparer.Ordinal)
                .ToList();
            var done = new Dictionary<string, DateOnly?>(StringComparer.Ordinal);
            DateOnly? DoneBy(string code, int depth)
            {
                if (done.TryGetValue(code, out var known))
                {
                    return known;
                }

                DateOnly? result;
                if (own.TryGetValue(code, out var fact))
                {
                    result = fact.CompletedOn ?? fact.DueOn; // a paused one has no due date: unknown
                }
                else if (catalogue?.Find(code) is { } entry && depth < 20)
                {
                    // Never applied for: applied for once what it requires is done (not before the report's day), at its promised limit.
                    var after = entry.Requires.Select(r => DoneBy(r, depth + 1)).Append(asOf).ToList();
                    result = after.Any(d => d is null) ? null : inputs.Calendar.AddWorkingDays(after.Max()!.Value, Math.Max(entry.PromisedDays, 1));
                }
                else
                {
                    result = null;
                }

                return done[code] = result;
            }

            var ends = needed.Select(c => (Code: c, End: DoneBy(c, 0))).ToList();
            var blocking = ends.Where(e => e.End is not { } end || end > monthEnd).OrderBy(e => e.End ?? DateOnly.MaxValue).ToList();
            if (blocking.Count == 0)
            {
                continue;
            }

            DateOnly? earliest = ends.Any(e => e.End is null) ? null : inputs.Calendar.AddWorkingDays(ends.Max(e => e.End!.Value), 1);
            risks.Add(
                new StartRiskProject(project.Code, project.Name, inputs.Name(project.LeaderEmail), planned, earliest, [.. blocking.Select(b => b.Code)])
                {
                    NotApplied = [.. blocking.Select(b => b.Code).Where(c => !own.ContainsKey(c))],
                }
            );
        }

        return [.. risks.OrderBy(r => r.PlannedStart).ThenBy(r => r.Code, StringComparer.Ordinal)];
    }

    /// <summary>The construction permits and all they require, transitively.</summary>
    private static IEnumerable<string> Needed(IEnumerable<CatalogueEntry> gates, ProcedureCatalogue? catalogue)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>(gates.Select(g => g.Code));
        while (stack.Count > 0)
        {
            var code = stack.Pop();
            if (seen.Add(code) && catalogue?.Find(code) is { } entry)
            {
                foreach (var required in entry.Requires)
                {
                    stack.Push(required);
                }
            }
        }

        return seen;
    }
}
