using ApprovalWatch.Domain.Catalogue;
using ApprovalWatch.Domain.Deadlines;

namespace ApprovalWatch.Domain.Digests;

/// <summary>A project in a digest, against its whole-process limit (<see cref="Stage"/> 0) or a stage's limit.</summary>
public sealed record ProjectLine : DigestLine
{
    public required int Stage { get; init; }

    /// <summary>The departments with procedures still open.</summary>
    public required IReadOnlyList<string> HoldingDepartments { get; init; }

    public override string ItemCode => ProjectMeasure.ScopeOf(Stage);

    public static ProjectLine Of(ProjectMeasure measure, string projectName) => new()
    {
        ProjectCode = measure.ProjectCode,
        ProjectName = projectName,
        Stage = measure.Stage,
        ChineseName = measure.Stage == 0 ? Stages.WholeProcessChineseName : Stages.ChineseName(measure.Stage),
        EnglishName = measure.Stage == 0 ? Stages.WholeProcessEnglishName : Stages.EnglishName(measure.Stage),
        StartedOn = measure.StartedOn,
        DueOn = measure.DueOn,
        LimitDays = measure.LimitDays,
        Flag = measure.Flag,
        WorkingDaysLeft = measure.WorkingDaysLeft,
        Provisional = measure.Provisional,
        HoldingDepartments = measure.HoldingDepartments,
    };
}
