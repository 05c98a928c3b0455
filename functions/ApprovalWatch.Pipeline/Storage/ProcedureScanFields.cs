using ApprovalWatch.Deadlines;
using Azure;
using Azure.Data.Tables;

namespace ApprovalWatch.Storage;

/// <summary>
/// The columns of a Procedures row that the scan writes (a merge that leaves the reported facts alone);
/// ingestion carries them over when it replaces a row.
/// </summary>
public sealed class ProcedureScanFields : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; } = ETag.All;

    public string? Flag { get; set; }

    public string? DueOn { get; set; }

    public int? WorkingDaysLeft { get; set; }

    public bool? FinishedLate { get; set; }

    public string? FlaggedOn { get; set; }

    public static ProcedureScanFields Of(ProcedureEntity row, Assessment assessment, DateOnly today) => new()
    {
        PartitionKey = row.PartitionKey,
        RowKey = row.RowKey,
        Flag = assessment.Flag.Code(),
        DueOn = IsoDate.Format(assessment.Deadline.DueOn),
        WorkingDaysLeft = assessment.WorkingDaysLeft,
        FinishedLate = assessment.FinishedLate,
        FlaggedOn = IsoDate.Format(today),
    };

    /// <summary>True when the row already says what these fields say (the day it was flagged aside).</summary>
    public bool SameAs(ProcedureEntity row) =>
        (Flag, DueOn, WorkingDaysLeft, FinishedLate) == (row.Flag, row.DueOn, row.WorkingDaysLeft, row.FinishedLate);
}
