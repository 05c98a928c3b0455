namespace ApprovalWatch.Domain.Operations;

/// <summary>A mail not delivered: a digest (of <see cref="Date"/>) or a receipt reply (<see cref="Receipt"/>), its state and why.</summary>
public sealed record DeliveryProblem(string Date, string Recipient, string? Receipt, string State, string Reason, int Attempts);

/// <summary>A mail waiting for its provider to take it again (throttled, or the provider down): tried <see cref="Attempts"/> times, waiting <see
/// cref="Waited"/> since the last, next at <see cref="NextAttemptAt"/>.</summary>
public sealed record WaitingMail(string Recipient, string About, int Attempts, TimeSpan Waited, DateTimeOffset? NextAttemptAt, string Reason);
