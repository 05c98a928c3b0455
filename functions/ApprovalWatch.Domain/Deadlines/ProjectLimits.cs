namespace ApprovalWatch.Domain.Deadlines;

/// <summary>The whole-process and per-stage time limits of a project, in working days. The defaults here are the app's defaults.</summary>
public sealed record ProjectLimits
{
    public static readonly ProjectLimits Default = new();

    /// <summary>From the project's first acceptance to its construction permit (the end of stage 3).</summary>
    public int WholeProcessDays { get; init; } = 120;

    /// <summary>Per stage (1–4), from the stage's first acceptance to its last completion; a stage without a limit is not measured.</summary>
    public IReadOnlyDictionary<int, int> StageDays { get; init; } = new Dictionary<int, int> { [1] = 50, [2] = 40, [3] = 30, [4] = 30 };

    /// <summary>Yellow when the limit runs out within this many working days.</summary>
    public int WarningWorkingDays { get; init; } = 10;
}
