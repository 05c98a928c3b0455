namespace ApprovalWatch.Domain.Digests;

/// <summary>A rung of the ladder: from <paramref name="OverdueDays"/> working days overdue, these roles hear of a procedure.</summary>
public sealed record EscalationStep(int OverdueDays, IReadOnlySet<EscalationRole> Notify);
