namespace ApprovalWatch.Domain.Digests;

/// <summary>Other rungs for the procedures of one stage, or for one procedure (which wins over its stage).</summary>
public sealed record EscalationOverride(int? Stage, string? Procedure, IReadOnlyList<EscalationStep> Rungs);
