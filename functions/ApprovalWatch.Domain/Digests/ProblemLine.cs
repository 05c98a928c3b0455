using ApprovalWatch.Domain.Calendar;
using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Domain.Projects;

namespace ApprovalWatch.Domain.Digests;

/// <summary>
/// An open problem of the problem list (问题清单) in a digest: yellow within the warning window of its due date,
/// red past it, climbing the ladder like a procedure; its department's head stands where a handler would.
/// </summary>
public sealed record ProblemLine : DigestLine
{
    public required string Id { get; init; }

    public required string Department { get; init; }

    public override string ItemCode => "problem|" + Id;

    /// <summary>The line of an open problem on a day; null when it is closed, not raised yet, or not yet due soon.</summary>
    public static ProblemLine? Of(ProjectProblem problem, string projectName, WorkingCalendar calendar, DateOnly today, int warningWorkingDays)
    {
        if (!problem.IsOpenOn(today))
        {
            return null;
        }

        var left = Assessment.Left(calendar, today, problem.DueOn);
        var flag = Flags.For(left, warningWorkingDays);
        return flag == Flag.Green ? null : new ProblemLine
        {
            ProjectCode = problem.ProjectCode,
            ProjectName = projectName,
            Id = problem.Id,
            Department = problem.Department,
            ChineseName = $"问题 {problem.Id}：{problem.Text}",
            EnglishName = $"Problem {problem.Id}: {problem.Text}",
            StartedOn = problem.RaisedOn,
            DueOn = problem.DueOn,
            LimitDays = calendar.WorkingDaysAfter(problem.RaisedOn, problem.DueOn),
            Flag = flag,
            WorkingDaysLeft = left,
        };
    }
}
