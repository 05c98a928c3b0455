namespace ApprovalWatch.Digests;

/// <summary>The lines of a digest that reach its recipient for one reason.</summary>
public sealed record DigestSection(DigestReason Reason, IReadOnlyList<DigestLine> Lines);
