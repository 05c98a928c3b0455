using System.Text.Json.Serialization;
using ApprovalWatch.Domain.Deadlines;

namespace ApprovalWatch.Domain.Digests;

/// <summary>
/// One flagged item of a digest — a procedure (<see cref="ProcedureLine"/>), a whole project against its
/// process or stage limit (<see cref="ProjectLine"/>) or a problem of the problem list (<see cref="ProblemLine"/>) — with the three lists every line
/// shows: the task,
/// the responsibility and the time limit.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(ProcedureLine), "procedure")]
[JsonDerivedType(typeof(ProjectLine), "project")]
[JsonDerivedType(typeof(ProblemLine), "problem")]
public abstract record DigestLine
{
    public required string ProjectCode { get; init; }

    public required string ProjectName { get; init; }

    /// <summary>The procedure's name, or the stage's (or the whole process's).</summary>
    public required string ChineseName { get; init; }

    public required string EnglishName { get; init; }

    /// <summary>The acceptance date of a procedure; the first acceptance of a project's stage or process.</summary>
    public required DateOnly StartedOn { get; init; }

    public required DateOnly DueOn { get; init; }

    public required int LimitDays { get; init; }

    public required Flag Flag { get; init; }

    /// <summary>Working days until the due date: 0 when due today, negative when overdue.</summary>
    public required int WorkingDaysLeft { get; init; }

    /// <summary>The due date or the days counted pass a year whose holiday notice is not loaded: reckoned, marked 暂定.</summary>
    public bool Provisional { get; init; }

    /// <summary>What the line is about within its project: a procedure code, or <c>process</c> / <c>stage-N</c>.</summary>
    [JsonIgnore]
    public abstract string ItemCode { get; }

    /// <summary>Most overdue first, then by project and item: the order of every list of lines.</summary>
    public static readonly IComparer<DigestLine> MostUrgentFirst = Comparer<DigestLine>.Create((a, b) =>
        a.WorkingDaysLeft != b.WorkingDaysLeft ? a.WorkingDaysLeft.CompareTo(b.WorkingDaysLeft)
        : string.CompareOrdinal(a.ProjectCode, b.ProjectCode) is var byProject and not 0 ? byProject
        : string.CompareOrdinal(a.ItemCode, b.ItemCode));

    [JsonIgnore]
    public int OverdueWorkingDays => Flag == Flag.Red ? -WorkingDaysLeft : 0;
}
