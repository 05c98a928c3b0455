using System.ComponentModel.DataAnnotations;
using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Domain.Reference;
using ApprovalWatch.Domain.Scanning;

namespace ApprovalWatch.Pipeline.Scanning;

/// <summary>
/// The warning windows, project limits and shards of the daily scan (configuration section <c>Scan</c>); the
/// project limits' defaults are <see cref="ProjectLimits"/>'s. The escalation ladder is data: <c>config/escalation.json</c>.
/// </summary>
public sealed class ScanOptions
{
    public const string Section = "Scan";

    [Range(0, 60)]
    public int WarningWorkingDays { get; set; } = 3;

    /// <summary>From a project's first acceptance to its construction permit (the national reform target).</summary>
    [Range(1, 2500)]
    public int WholeProcessWorkingDays { get; set; } = ProjectLimits.Default.WholeProcessDays;

    /// <summary>Per-stage limits; 0 leaves a stage unmeasured.</summary>
    [Range(0, 2500)]
    public int Stage1WorkingDays { get; set; } = ProjectLimits.Default.StageDays[1];

    [Range(0, 2500)]
    public int Stage2WorkingDays { get; set; } = ProjectLimits.Default.StageDays[2];

    [Range(0, 2500)]
    public int Stage3WorkingDays { get; set; } = ProjectLimits.Default.StageDays[3];

    [Range(0, 2500)]
    public int Stage4WorkingDays { get; set; } = ProjectLimits.Default.StageDays[4];

    [Range(0, 250)]
    public int ProjectWarningWorkingDays { get; set; } = ProjectLimits.Default.WarningWorkingDays;

    /// <summary>How long the scan waits for a department file still being applied before it measures without it (and says so).</summary>
    [Range(0, 600)]
    public int WaitForApplyingSeconds { get; set; } = 120;

    /// <summary>About how many procedures one shard of the daily scan measures (the next run is cut from this run's count).</summary>
    [Range(1, 10_000_000)]
    public int ShardProcedures { get; set; } = 20_000;

    /// <summary>
    /// How many shards one instance measures at once; more messages wait their turn. Each holds a page of rows, its lines
    /// and its writes, and the store serves a few queries side by side no faster than these.
    /// </summary>
    [Range(1, 64)]
    public int ShardsInParallel { get; set; } = 4;

    /// <summary>How many routed digest lines a shard gathers before it writes them out as one sorted run.</summary>
    [Range(1, 1_000_000)]
    public int ShardLinesPerRun { get; set; } = 4_000;

    /// <summary>The most urgent lines a digest lists per section; the rest are counted (a digest is read in seconds, and made in bounded memory).</summary>
    [Range(1, 10_000)]
    public int MaxDigestLinesPerSection { get; set; } = 50;

    /// <summary>
    /// From this day of the year (MM-DD) the operator report names every calendar whose next year is still reckoned
    /// provisionally (its holiday notice not loaded), each working day until it is.
    /// </summary>
    [RegularExpression(@"^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$")]
    public string CalendarWarningFrom { get; set; } = "11-01";

    /// <summary>Send digests with lines at the weekly-report rung even on a recipient's day off.</summary>
    public bool SendCriticalOnDaysOff { get; set; }

    public ProjectLimits ProjectLimits => new()
    {
        WholeProcessDays = WholeProcessWorkingDays,
        WarningWorkingDays = ProjectWarningWorkingDays,
        StageDays = new Dictionary<int, int> { [1] = Stage1WorkingDays, [2] = Stage2WorkingDays, [3] = Stage3WorkingDays, [4] = Stage4WorkingDays }
            .Where(s => s.Value > 0).ToDictionary(),
    };

    /// <summary>What a day measures with these settings: the one way the scan, the acknowledgement page and the project page measure.</summary>
    public DayMeasurement MeasurementOn(DateOnly today, ReferenceData reference) => new(today, reference, WarningWorkingDays, ProjectLimits);
}
