namespace ApprovalWatch.Domain.Operations;

/// <summary>A poison queue that holds messages: how many, and the first few as they read.</summary>
public sealed record PoisonedQueue(string Queue, int Count, IReadOnlyList<string> Samples);
