using ApprovalWatch.Deadlines;
using ApprovalWatch.Digests;

namespace ApprovalWatch.Scanning;

/// <summary>What one scan found and did.</summary>
public sealed record ScanResult
{
    public required DateOnly Date { get; init; }

    /// <summary>Why nothing was scanned (a day off everywhere), or null.</summary>
    public string? Skipped { get; init; }

    /// <summary>Procedures by department and flag.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<Flag, int>> Flags { get; init; } = new Dictionary<string, IReadOnlyDictionary<Flag, int>>();

    /// <summary>Projects by scope (<c>process</c>, <c>stage-N</c>) and flag.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<Flag, int>> ProjectFlags { get; init; } = new Dictionary<string, IReadOnlyDictionary<Flag, int>>();

    public int FinishedLate { get; init; }

    public int Extended { get; init; }

    public int PastStatutory { get; init; }

    public IReadOnlyList<Digest> Digests { get; init; } = [];

    public int Queued { get; init; }

    public int AlreadyNotified { get; init; }

    /// <summary>Recipients not written to because today is a day off in their calendar.</summary>
    public int DayOff { get; init; }

    /// <summary>Working days before this one on which no scan ran.</summary>
    public IReadOnlyList<DateOnly> MissedDays { get; init; } = [];

    /// <summary>Files still being applied when the scan measured (after waiting for them), with their department.</summary>
    public IReadOnlyList<(string Department, string File)> Applying { get; init; } = [];

    /// <summary>What went wrong and is not mended, as the operator is told (null for a dry run).</summary>
    public Operations.OperatorReport? OperatorReport { get; init; }

    /// <summary>What could not be measured, with the reason (a calendar year not loaded).</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];

    public int Count(Flag flag) => Flags.Values.Sum(f => f.GetValueOrDefault(flag));

    /// <summary>What the day's measurement found, and the digests planned from it.</summary>
    public static ScanResult Of(DayMeasurement measurement, IReadOnlyList<Digest> digests) => new()
    {
        Date = measurement.Date,
        Flags = measurement.Flags,
        ProjectFlags = measurement.ProjectFlags,
        FinishedLate = measurement.FinishedLate,
        Extended = measurement.Extended,
        PastStatutory = measurement.PastStatutory,
        Digests = digests,
        Errors = measurement.Errors,
    };
}
