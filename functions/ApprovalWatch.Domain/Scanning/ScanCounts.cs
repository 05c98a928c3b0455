using ApprovalWatch.Domain.Deadlines;

namespace ApprovalWatch.Domain.Scanning;

/// <summary>
/// What a scan counts: procedures by department and flag, projects by scope and flag, and what could not be
/// measured. Each shard of a scan counts its own; the day's counts are their sum.
/// </summary>
public sealed class ScanCounts
{
    /// <summary>Procedures by department and flag.</summary>
    public Dictionary<string, Dictionary<Flag, int>> Flags { get; init; } = [];

    /// <summary>Procedures by county and department (<c>{county}|{department}</c>) and flag: the board's table.</summary>
    public Dictionary<string, Dictionary<Flag, int>> Cells { get; init; } = [];

    /// <summary>Projects by scope (<c>process</c>, <c>stage-N</c>) and flag.</summary>
    public Dictionary<string, Dictionary<Flag, int>> ProjectFlags { get; init; } = [];

    public int Procedures { get; set; }

    public int FinishedLate { get; set; }

    /// <summary>Open procedures with an approved extension.</summary>
    public int Extended { get; set; }

    public int PastStatutory { get; set; }

    /// <summary>Rows the scan wrote: changed procedures, project rows and their audit rows.</summary>
    public int RowsWritten { get; set; }

    /// <summary>What could not be measured, with the reason (a calendar year not loaded).</summary>
    public List<string> Errors { get; init; } = [];

    public int Count(Flag flag) => Flags.Values.Sum(f => f.GetValueOrDefault(flag));

    public void CountProcedure(string department, Flag flag, string county = "")
    {
        Procedures++;
        Increment(Flags, department, flag, 1);
        Increment(Cells, CellOf(county, department), flag, 1);
    }

    public static string CellOf(string county, string department) => $"{county}|{department}";

    public void CountProject(string scope, Flag flag) => Increment(ProjectFlags, scope, flag, 1);

    /// <summary>Adds another shard's counts to these.</summary>
    public void Add(ScanCounts other)
    {
        foreach (var (department, byFlag) in other.Flags)
        {
            foreach (var (flag, count) in byFlag)
            {
                Increment(Flags, department, flag, count);
            }
        }

        foreach (var (cell, byFlag) in other.Cells)
        {
            foreach (var (flag, count) in byFlag)
            {
                Increment(Cells, cell, flag, count);
            }
        }

        foreach (var (scope, byFlag) in other.ProjectFlags)
        {
            foreach (var (flag, count) in byFlag)
            {
                Increment(ProjectFlags, scope, flag, count);
            }
        }

        Procedures += other.Procedures;
        FinishedLate += other.FinishedLate;
        Extended += other.Extended;
        PastStatutory += other.PastStatutory;
        RowsWritten += other.RowsWritten;
        Errors.AddRange(other.Errors);
    }

    private static void Increment(Dictionary<string, Dictionary<Flag, int>> counts, string key, Flag flag, int by)
    {
        var byFlag = counts.TryGetValue(key, out var c) ? c : counts[key] = [];
        byFlag[flag] = byFlag.GetValueOrDefault(flag) + by;
    }
}
