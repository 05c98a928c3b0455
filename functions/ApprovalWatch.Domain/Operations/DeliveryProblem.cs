namespace ApprovalWatch.Domain.Operations;

/// <summary>A mail not delivered: a digest (of <see cref="Date"/>) or a receipt reply (<see cref="Receipt"/>), its state and why.</summary>
public sealed record DeliveryProblem(string Date, string Recipient, string? Receipt, string State, string Reason, int Attempts);
