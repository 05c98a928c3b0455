namespace ApprovalWatch.Domain.Projects;

/// <summary>
/// A problem on the problem list (问题清单): raised on a project, for a department to solve by a due date
/// (working days on the project's calendar), open until it is closed (销号) with a date and who closed it.
/// </summary>
public sealed record ProjectProblem
{
    public required string ProjectCode { get; init; }

    public required string Id { get; init; }

    public required string Text { get; init; }

    public required string Department { get; init; }

    public required DateOnly RaisedOn { get; init; }

    public required DateOnly DueOn { get; init; }

    public DateOnly? SolvedOn { get; init; }

    public string SolvedBy { get; init; } = "";

    /// <summary>Raised with a progress report before the register named the project's responsible unit: the
    /// development &amp; reform commission holds it until the register arrives and routes it.</summary>
    public bool AwaitsRegister { get; init; }

    public bool IsOpenOn(DateOnly date) => RaisedOn <= date && (SolvedOn is null || SolvedOn > date);

    /// <summary>Open after its due date (a problem solved the day it was due is on time).</summary>
    public bool IsOverdueOn(DateOnly date) => IsOpenOn(date) && date > DueOn;
}
