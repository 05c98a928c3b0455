using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Domain.Digests;
using ApprovalWatch.Domain.Scanning;

namespace ApprovalWatch.Pipeline.Scanning;

/// <summary>What one scan found and did: its shards' counts summed, and the digests planned from their lines.</summary>
public sealed record ScanResult
{
    public required DateOnly Date { get; init; }

    /// <summary>Why nothing was scanned (a day off everywhere), or null.</summary>
    public string? Skipped { get; init; }

    /// <summary>The run in the Scans table; null for a dry run.</summary>
    public string? Run { get; init; }

    public int Shards { get; init; }

    public ScanCounts Counts { get; init; } = new();

    public IReadOnlyList<DigestSummary> Digests { get; init; } = [];

    public int Queued { get; init; }

    public int AlreadyNotified { get; init; }

    /// <summary>Recipients not written to because today is a day off in their calendar.</summary>
    public int DayOff { get; init; }

    /// <summary>Working days before this one on which no scan ran.</summary>
    public IReadOnlyList<DateOnly> MissedDays { get; init; } = [];

    /// <summary>Files still being applied when the scan measured (after waiting for them), with their department.</summary>
    public IReadOnlyList<(string Department, string File)> Applying { get; init; } = [];

    public int Count(Flag flag) => Counts.Count(flag);
}
