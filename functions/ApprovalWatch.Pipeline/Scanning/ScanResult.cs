using ApprovalWatch.Deadlines;
using ApprovalWatch.Digests;

namespace ApprovalWatch.Scanning;

/// <summary>What one scan found and did.</summary>
public sealed record ScanResult
{
    public required DateOnly Date { get; init; }

    /// <summary>Why nothing was scanned (a day off), or null.</summary>
    public string? Skipped { get; init; }

    /// <summary>Procedures by department and flag.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<Flag, int>> Flags { get; init; } = new Dictionary<string, IReadOnlyDictionary<Flag, int>>();

    public int FinishedLate { get; init; }

    public IReadOnlyList<Digest> Digests { get; init; } = [];

    public int Queued { get; init; }

    public int AlreadyNotified { get; init; }

    /// <summary>Procedures that could not be measured, with the reason (a calendar year not loaded).</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];

    public int Count(Flag flag) => Flags.Values.Sum(f => f.GetValueOrDefault(flag));
}
