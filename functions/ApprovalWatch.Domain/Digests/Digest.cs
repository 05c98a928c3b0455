using System.Text.Json.Serialization;

namespace ApprovalWatch.Digests;

/// <summary>The one email a person gets on one working day. Kept as JSON while it waits to be sent.</summary>
public sealed record Digest(DateOnly Date, string RecipientEmail, string RecipientName, IReadOnlyList<DigestSection> Sections)
{
    /// <summary>The shape of the stored JSON; raised when a property is renamed, so a digest in flight is read by its own rules.</summary>
    public const int CurrentVersion = 1;

    public int Version { get; init; } = CurrentVersion;

    /// <summary>What the reader must know about how the digest was made (days the daily run missed, files still being applied).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    [JsonIgnore]
    public IEnumerable<DigestLine> Lines => Sections.SelectMany(s => s.Lines);

    /// <summary>Each flagged item once, though it may stand in several sections.</summary>
    [JsonIgnore]
    public IReadOnlyList<DigestLine> DistinctLines => Lines.DistinctBy(l => (l.ProjectCode, l.ItemCode)).ToList();
}
