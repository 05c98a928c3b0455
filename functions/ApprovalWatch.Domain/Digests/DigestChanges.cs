using ApprovalWatch.Domain.Deadlines;

namespace ApprovalWatch.Domain.Digests;

/// <summary>
/// Marks each listed line of a digest new, worse or still open against the lines of the recipient's previous
/// digest, and lists what was listed then and is open no more (a line not listed then, in a long section, counts as new).
/// </summary>
public static class DigestChanges
{
    public static Digest Mark(Digest digest, IReadOnlyList<DigestItem>? previous, EscalationLadder ladder)
    {
        var before = (previous ?? []).ToDictionary(i => i.Key, StringComparer.Ordinal);
        var changes = new Dictionary<string, LineChange>(StringComparer.Ordinal);
        var moved = new List<Text.Reason>();
        foreach (var line in digest.DistinctLines)
        {
            var now = DigestItem.Of(line, ladder);
            if (before.GetValueOrDefault(now.Key) is { Provisional: true, DueOn: { } then } && now.DueOn is { } due && due != then && !now.Provisional)
            {
                moved.Add(Text.Reason.Of("digest.due_moved", line.ProjectName, line.ChineseName, line.EnglishName, then, due));
            }

            changes[now.Key] = before.GetValueOrDefault(now.Key) switch
            {
                null => LineChange.New,
                { } was when (was.Flag == Flag.Yellow && now.Flag == Flag.Red) || now.Rung > was.Rung => LineChange.Worse,
                _ => LineChange.StillOpen,
            };
        }

        var open = digest.OpenKeys ?? digest.DistinctLines.Select(l => DigestItem.HashOf(l.ProjectCode, l.ItemCode)).ToHashSet();
        return digest with
        {
            Notes = [.. digest.Notes, .. moved],
            Changes = changes,
            Resolved = before.Values.Where(i => !open.Contains(i.Hash)).OrderBy(i => i.Key, StringComparer.Ordinal).ToList(),
        };
    }

    public static IReadOnlyList<DigestItem> Items(Digest digest, EscalationLadder ladder) =>
        digest.DistinctLines.Select(l => DigestItem.Of(l, ladder)).ToList();
}
