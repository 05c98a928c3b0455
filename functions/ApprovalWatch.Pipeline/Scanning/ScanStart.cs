
namespace ApprovalWatch.Pipeline.Scanning;

/// <summary>What ScanDeadlines did: the run it began and the shards it queued, or why it scanned nothing.</summary>
public sealed record ScanStart(DateOnly Date, string? Run, int Shards, string? Skipped = null);
