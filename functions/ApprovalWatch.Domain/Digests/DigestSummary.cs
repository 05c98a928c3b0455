namespace ApprovalWatch.Domain.Digests;

/// <summary>What a planned digest holds, in counts: what a scan reports about each digest it made.</summary>
public sealed record DigestSummary(
    string RecipientEmail,
    string RecipientName,
    int Red,
    int Yellow,
    IReadOnlyList<(DigestReason Reason, int Lines)> Sections,
    IReadOnlyList<Text.Reason> Notes
)
{
    public static DigestSummary Of(Digest digest)
    {
        var lines = digest.DistinctLines;
        return new DigestSummary(
            digest.RecipientEmail,
            digest.RecipientName,
            lines.Count(l => l.Flag == Deadlines.Flag.Red),
            lines.Count(l => l.Flag == Deadlines.Flag.Yellow),
            digest.Sections.Select(s => (s.Reason, s.Lines.Count)).ToList(),
            digest.Notes);
    }
}
