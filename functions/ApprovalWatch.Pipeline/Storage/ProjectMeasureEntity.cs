using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Domain.Text;
using Azure;
using Azure.Data.Tables;

namespace ApprovalWatch.Pipeline.Storage;

/// <summary>A row of the Projects table: PartitionKey = project code, RowKey = <c>process</c> or <c>stage-N</c>.</summary>
public sealed class ProjectMeasureEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string StartedOn { get; set; } = "";

    public string? FinishedOn { get; set; }

    public int LimitDays { get; set; }

    public string DueOn { get; set; } = "";

    public string Flag { get; set; } = "";

    /// <summary>The due date or the days counted pass a year whose holiday notice is not loaded (暂定).</summary>
    public bool? Provisional { get; set; }

    public bool FinishedLate { get; set; }

    /// <summary>Comma-separated: the departments with procedures still open.</summary>
    public string HoldingDepartments { get; set; } = "";

    public static ProjectMeasureEntity From(ProjectMeasure m) => new()
    {
        PartitionKey = m.ProjectCode,
        RowKey = m.Scope,
        StartedOn = IsoDate.Format(m.StartedOn),
        FinishedOn = IsoDate.Format(m.FinishedOn),
        LimitDays = m.LimitDays,
        DueOn = IsoDate.Format(m.DueOn),
        Flag = m.Flag.Code(),
        FinishedLate = m.FinishedLate,
        Provisional = m.Provisional ? true : null,
        HoldingDepartments = string.Join(',', m.HoldingDepartments),
    };

    /// <summary>True when the stored row says the same as <paramref name="other"/>.</summary>
    public bool SameAs(ProjectMeasureEntity other) =>
        (StartedOn, FinishedOn, LimitDays, DueOn, Flag, FinishedLate, HoldingDepartments, Provisional)
        == (other.StartedOn, other.FinishedOn, other.LimitDays, other.DueOn, other.Flag, other.FinishedLate, other.HoldingDepartments, other.Provisional);
}
