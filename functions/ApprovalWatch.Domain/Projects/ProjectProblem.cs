namespace ApprovalWatch.Domain.Projects;

/// <summary>
/// A problem on the problem list (问题清单): raised on a project, for a department to solve by a due date
/// (working days on the project's calendar), open until it is closed (销号) with a date and who closed it. The
/// department it is assigned to signs for it (签收) or sends it back (退单) with a reason; a problem sent back waits
/// for the coordinator to assign it again.
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

    /// <summary>The day it was assigned to its department (null: the day it was raised).</summary>
    public DateOnly? AssignedOn { get; init; }

    public DateOnly? SignedOn { get; init; }

    public string SignedBy { get; init; } = "";

    public DateOnly? ReturnedOn { get; init; }

    public string ReturnedBy { get; init; } = "";

    public string ReturnReason { get; init; } = "";

    /// <summary>Open, with its department, neither signed for nor sent back.</summary>
    public bool AwaitsSignature => SolvedOn is null && !AwaitsRegister && SignedOn is null && ReturnedOn is null;

    /// <summary>Open and sent back: the coordinator's to assign again.</summary>
    public bool IsReturned => SolvedOn is null && ReturnedOn is not null;

    public ProjectProblem SignedFor(string by, DateOnly on) => this with { SignedOn = on, SignedBy = by };

    public ProjectProblem SentBack(string by, DateOnly on, string reason) => this with { ReturnedOn = on, ReturnedBy = by, ReturnReason = reason };

    /// <summary>Assigned (again) to a department: to be signed for anew.</summary>
    public ProjectProblem AssignedTo(string department, DateOnly on) =>
        this with
        {
            Department = department,
            AssignedOn = on,
            SignedOn = null,
            SignedBy = "",
            ReturnedOn = null,
            ReturnedBy = "",
            ReturnReason = "",
            AwaitsRegister = false,
        };

    public bool IsOpenOn(DateOnly date) => RaisedOn <= date && (SolvedOn is null || SolvedOn > date);

    /// <summary>Open after its due date (a problem solved the day it was due is on time).</summary>
    public bool IsOverdueOn(DateOnly date) => IsOpenOn(date) && date > DueOn;
}
