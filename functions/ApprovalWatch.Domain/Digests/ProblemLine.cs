using ApprovalWatch.Domain.Calendar;
using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Domain.Projects;

namespace ApprovalWatch.Domain.Digests;

/// <summary>
/// An open problem of the problem list (问题清单) in a digest: yellow within the warning window of its due date,
/// red past it, climbing the ladder like a procedure; its department's head stands where a handler would. Until its
/// department signs for it (签收) it is a line however far its due date (at least yellow), and one rung higher once
/// the time to sign has passed; sent back (退单), it is the coordinator's line alone, to assign it again.
/// </summary>
public sealed record ProblemLine : DigestLine
{
    public required string Id { get; init; }

    public required string Department { get; init; }

    /// <summary>What a problem's item code (and its stored row key) starts with.</summary>
    public const string ItemPrefix = "problem|";

    public override string ItemCode => ItemPrefix + Id;

    /// <summary>Its department has neither signed for it nor sent it back.</summary>
    public bool AwaitsSignature { get; init; }

    /// <summary>Not signed for within the time to sign (<see cref="EscalationLadder.SignWithinWorkingDays"/>).</summary>
    public bool SignatureLate { get; init; }

    /// <summary>Sent back by its department: the coordinator assigns it again.</summary>
    public bool Returned { get; init; }

    /// <summary>The line of an open problem on a day; null when it is closed, not raised yet, or signed for and not yet due soon.</summary>
    public static ProblemLine? Of(
        ProjectProblem problem,
        string projectName,
        WorkingCalendar calendar,
        DateOnly today,
        int warningWorkingDays,
        int signWithinWorkingDays = 1
    )
    {
        if (!problem.IsOpenOn(today))
        {
            return null;
        }

        var left = Assessment.Left(calendar, today, problem.DueOn);
        var flag = Flags.For(left, warningWorkingDays);
        var waiting = problem.AwaitsSignature || problem.IsReturned;
        return flag == Flag.Green && !waiting ? null : new ProblemLine
        {
            AwaitsSignature = problem.AwaitsSignature,
            SignatureLate = problem.AwaitsSignature && calendar.WorkingDaysAfter(problem.AssignedOn ?? problem.RaisedOn, today) > signWithinWorkingDays,
            Returned = problem.IsReturned,
            ProjectCode = problem.ProjectCode,
            ProjectName = projectName,
            Id = problem.Id,
            Department = problem.Department,
            ChineseName = $"问题 {problem.Id}：{problem.Text}",
            EnglishName = $"Problem {problem.Id}: {problem.Text}",
            StartedOn = problem.RaisedOn,
            DueOn = problem.DueOn,
            LimitDays = calendar.WorkingDaysAfter(problem.RaisedOn, problem.DueOn),
            // A problem waiting to be signed for or assigned again needs someone's hand today: at least a warning.
            Flag = flag == Flag.Green ? Flag.Yellow : flag,
            WorkingDaysLeft = left,
            Provisional = calendar.AnyProvisional(problem.RaisedOn, problem.DueOn > today ? problem.DueOn : today),
        };
    }
}
