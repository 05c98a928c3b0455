
namespace ApprovalWatch.Pipeline.Scanning;

/// <summary>What every digest of a day must say about how it was made: working days no scan ran, files still being applied.</summary>
public sealed record DayNotes(IReadOnlyList<DateOnly> MissedDays, IReadOnlyList<(string Department, string File)> Applying);
