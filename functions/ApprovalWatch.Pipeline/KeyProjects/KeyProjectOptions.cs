using System.ComponentModel.DataAnnotations;

namespace ApprovalWatch.Pipeline.KeyProjects;

/// <summary>The key projects' problem list and weekly report (configuration section <c>KeyProjects</c>).</summary>
public sealed class KeyProjectOptions
{
    public const string Section = "KeyProjects";

    /// <summary>The working days a problem has when its file gives no due date.</summary>
    [Range(1, 250)]
    public int ProblemWorkingDays { get; set; } = 10;

    /// <summary>Plan-to-date pace: <c>working-days</c> (the share of the year's working days elapsed) or <c>months</c> (whole months elapsed / 12).</summary>
    [RegularExpression("working-days|months")]
    public string Pace { get; set; } = "working-days";

    /// <summary>A project is yellow this many points below pace, red at <see cref="RedPointsBelowPace"/>.</summary>
    [Range(0, 100)]
    public decimal YellowPointsBelowPace { get; set; } = 10;

    [Range(0, 100)]
    public decimal RedPointsBelowPace { get; set; } = 20;

    /// <summary>
    /// The monthly bulletin ranks a department or a handler only with at least this many procedures finished in the month;
    /// the rest are listed with their figures.
    /// </summary>
    [Range(1, 100)]
    public int RankMinFinished { get; set; } = 3;
}
