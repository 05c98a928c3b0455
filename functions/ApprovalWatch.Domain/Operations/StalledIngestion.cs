namespace ApprovalWatch.Domain.Operations;

/// <summary>A file whose ingestion stopped before its receipt (its claim expired), or that was queued more than once.</summary>
public sealed record StalledIngestion(string File, string State, DateTimeOffset ClaimedUntil, int Queueings);
