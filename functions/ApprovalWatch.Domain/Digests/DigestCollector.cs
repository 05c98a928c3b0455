using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Domain.Staff;
using ApprovalWatch.Domain.Text;

namespace ApprovalWatch.Domain.Digests;

/// <summary>
/// Gathers one recipient's routed lines as they stream in, in bounded memory: per reason the most urgent
/// <paramref name="maxLinesPerSection"/> lines (the rest counted by flag), and every line's key and flag, so that
/// the digest counts all of them and knows what is no longer open. A digest is then as long as a reader can take
/// in, whatever the size of the prefecture.
/// </summary>
public sealed class DigestCollector(int maxLinesPerSection)
{
    private readonly Dictionary<DigestReason, SortedSet<DigestLine>> _listed = [];
    private readonly Dictionary<DigestReason, (int Red, int Yellow)> _more = [];
    private readonly Dictionary<ulong, Flag> _all = [];
    private readonly SortedSet<string> _covering = new(StringComparer.Ordinal);

    public string? Recipient { get; private set; }

    public void Add(RoutedLine routed)
    {
        Recipient ??= routed.To;
        if (routed.OnBehalfOf is { } away)
        {
            _covering.Add(away);
        }

        _all[DigestItem.HashOf(routed.Line.ProjectCode, routed.Line.ItemCode)] = routed.Line.Flag;
        var listed = _listed.TryGetValue(routed.Reason, out var set) ? set : _listed[routed.Reason] = new SortedSet<DigestLine>(DigestLine.MostUrgentFirst);
        if (!listed.Add(routed.Line) || listed.Count <= maxLinesPerSection)
        {
            return;
        }

        var dropped = listed.Max!;
        listed.Remove(dropped);
        var (red, yellow) = _more.GetValueOrDefault(routed.Reason);
        _more[routed.Reason] = dropped.Flag == Flag.Red ? (red + 1, yellow) : (red, yellow + 1);
    }

    public Digest ToDigest(DateOnly date, StaffDirectory staff)
    {
        var email = Recipient ?? throw new InvalidOperationException("No line was collected.");
        return new Digest(
            date,
            email.ToLowerInvariant(),
            staff.Find(email)?.Name ?? email,
            _listed.OrderBy(s => s.Key).Select(s => new DigestSection(s.Key, s.Value.ToList())
            {
                MoreRed = _more.GetValueOrDefault(s.Key).Red,
                MoreYellow = _more.GetValueOrDefault(s.Key).Yellow,
            }).ToList())
        {
            TotalRed = _all.Values.Count(f => f == Flag.Red),
            TotalYellow = _all.Values.Count(f => f == Flag.Yellow),
            OpenKeys = _all.Keys.ToHashSet(),
            Notes =
            [
                .. _covering
                    .Select(away => staff.Find(away)?.Name ?? away)
                    .Select(name => Reason.Of("digest.on_behalf", name)),
            ],
        };
    }
}
