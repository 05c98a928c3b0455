using System.ComponentModel.DataAnnotations;
using ApprovalWatch.Digests;

namespace ApprovalWatch.Scanning;

/// <summary>The warning window and escalation ladder (configuration section <c>Scan</c>).</summary>
public sealed class ScanOptions
{
    public const string Section = "Scan";

    [Range(0, 60)]
    public int WarningWorkingDays { get; set; } = 3;

    [Range(0, 250)]
    public int HeadAfterOverdueDays { get; set; } = 1;

    [Range(0, 250)]
    public int LeaderAfterOverdueDays { get; set; } = 5;

    [Range(0, 250)]
    public int ReportAfterOverdueDays { get; set; } = 10;

    public EscalationLadder Ladder => new()
    {
        WarningWorkingDays = WarningWorkingDays,
        HeadAfterOverdueDays = HeadAfterOverdueDays,
        LeaderAfterOverdueDays = LeaderAfterOverdueDays,
        ReportAfterOverdueDays = ReportAfterOverdueDays,
    };
}
