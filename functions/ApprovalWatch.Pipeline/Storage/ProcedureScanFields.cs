using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Domain.Text;
using Azure;
using Azure.Data.Tables;

namespace ApprovalWatch.Pipeline.Storage;

/// <summary>
/// The columns of a Procedures row that the scan writes (a merge that leaves the reported facts alone);
/// ingestion carries them over when it replaces a row. Only what changes rarely is kept — the flag, the due
/// date, the escalation counts (a red procedure's once a week) — so a day's scan writes the rows whose state
/// changed, not every open procedure; the working days left change daily and are computed from the due date
/// when read.
/// </summary>
public sealed class ProcedureScanFields : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; } = ETag.All;

    public string? Flag { get; set; }

    public string? DueOn { get; set; }

    public bool? FinishedLate { get; set; }

    public string? FlaggedOn { get; set; }

    public int? YellowPeriods { get; set; }

    public int? OverdueWeeks { get; set; }

    public string? LastOverdueWeek { get; set; }

    public static ProcedureScanFields Of(ProcedureEntity row, Domain.Scanning.ProcedureMeasure measure, DateOnly today) => new()
    {
        PartitionKey = row.PartitionKey,
        RowKey = row.RowKey,
        Flag = measure.Assessment.Flag.Code(),
        DueOn = IsoDate.Format(measure.Assessment.Deadline.DueOn),
        FinishedLate = measure.Assessment.FinishedLate,
        FlaggedOn = IsoDate.Format(today),
        YellowPeriods = measure.Counts.YellowPeriods,
        OverdueWeeks = measure.Counts.OverdueWeeks,
        LastOverdueWeek = measure.Counts.LastOverdueWeek,
    };

    /// <summary>These columns as a row holds them.</summary>
    public static ProcedureScanFields Of(ProcedureEntity row) => new()
    {
        PartitionKey = row.PartitionKey,
        RowKey = row.RowKey,
        Flag = row.Flag,
        DueOn = row.DueOn,
        FinishedLate = row.FinishedLate,
        FlaggedOn = row.FlaggedOn,
        YellowPeriods = row.YellowPeriods,
        OverdueWeeks = row.OverdueWeeks,
        LastOverdueWeek = row.LastOverdueWeek,
    };

    /// <summary>Writes these fields into a row about to be stored whole.</summary>
    public void CopyTo(ProcedureEntity row) =>
        (row.Flag, row.DueOn, row.FinishedLate, row.FlaggedOn, row.YellowPeriods, row.OverdueWeeks, row.LastOverdueWeek) =
        (Flag, DueOn, FinishedLate, FlaggedOn, YellowPeriods, OverdueWeeks, LastOverdueWeek);

    /// <summary>True when the row already says what these fields say (the day it was flagged aside).</summary>
    public bool SameAs(ProcedureEntity row) =>
        (Flag, DueOn, FinishedLate, YellowPeriods ?? 0, OverdueWeeks ?? 0, LastOverdueWeek)
        == (row.Flag, row.DueOn, row.FinishedLate, row.YellowPeriods ?? 0, row.OverdueWeeks ?? 0, row.LastOverdueWeek);
}
