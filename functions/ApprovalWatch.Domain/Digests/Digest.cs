using System.Text.Json.Serialization;
using ApprovalWatch.Domain.Text;

namespace ApprovalWatch.Domain.Digests;

/// <summary>The one email a person gets on one working day. Kept as JSON while it waits to be sent.</summary>
public sealed record Digest(DateOnly Date, string RecipientEmail, string RecipientName, IReadOnlyList<DigestSection> Sections)
{
    /// <summary>The shape of the stored JSON; raised when a property is renamed, so a digest in flight is read by its own rules.</summary>
    public const int CurrentVersion = 3;

    public int Version { get; init; } = CurrentVersion;

    /// <summary>What the reader must know about how the digest was made (days the daily run missed, files still being applied).</summary>
    public IReadOnlyList<Reason> Notes { get; init; } = [];

    /// <summary>What changed about each line (by <see cref="DigestItem.Key"/>) since the recipient's previous digest.</summary>
    public IReadOnlyDictionary<string, LineChange> Changes { get; init; } = new Dictionary<string, LineChange>();

    /// <summary>Lines of the previous digest that are no longer due soon or overdue.</summary>
    public IReadOnlyList<DigestItem> Resolved { get; init; } = [];

    /// <summary>For a coordinator: every department's open procedures by flag, beside the lines listed.</summary>
    public IReadOnlyList<DepartmentCount> Departments { get; init; } = [];

    /// <summary>Overdue items of the digest, listed or not; null for a digest that lists them all.</summary>
    public int? TotalRed { get; init; }

    /// <summary>Due-soon items of the digest, listed or not.</summary>
    public int? TotalYellow { get; init; }

    /// <summary>The <see cref="DigestItem.HashOf"/> of every item open for the recipient, listed or not (while the digest is made, not stored).</summary>
    [JsonIgnore]
    public IReadOnlySet<ulong>? OpenKeys { get; init; }

    public LineChange ChangeOf(DigestLine line) => Changes.GetValueOrDefault(DigestItem.KeyOf(line.ProjectCode, line.ItemCode), LineChange.New);

    [JsonIgnore]
    public IEnumerable<DigestLine> Lines => Sections.SelectMany(s => s.Lines);

    /// <summary>Each flagged item once, though it may stand in several sections.</summary>
    [JsonIgnore]
    public IReadOnlyList<DigestLine> DistinctLines => Lines.DistinctBy(l => (l.ProjectCode, l.ItemCode)).ToList();
}
