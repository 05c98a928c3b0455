namespace ApprovalWatch.Domain.Projects;

/// <summary>Data checks of one kind: how many, the sum of the figures they question, and each, the largest first.</summary>
public sealed record CheckGroup(string Check, int Count, decimal Sum, IReadOnlyList<DataWarning> Items);

/// <summary>
/// The data checks grouped by kind, the kind with the largest sum first (then the most): what a reader looks at first is
/// where the most money is in doubt, not fifty lines of one kind.
/// </summary>
public static class CheckGroups
{
    /// <summary>How many of a group a report or the board shows; the rest are in the workbook and on the checks' page.</summary>
    public const int Shown = 5;

    public static IReadOnlyList<CheckGroup> Of(IEnumerable<DataWarning> checks) =>
        [
            .. checks
                .GroupBy(c => c.Check, StringComparer.Ordinal)
                .Select(g => new CheckGroup(
                    g.Key,
                    g.Count(),
                    g.Sum(c => c.Value ?? 0),
                    [.. g.OrderByDescending(c => c.Value ?? 0).ThenBy(c => c.ProjectCode, StringComparer.Ordinal)]
                ))
                .OrderByDescending(g => g.Sum)
                .ThenByDescending(g => g.Count)
                .ThenBy(g => g.Check, StringComparer.Ordinal),
        ];
}
