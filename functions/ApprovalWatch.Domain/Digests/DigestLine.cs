using ApprovalWatch.Deadlines;

namespace ApprovalWatch.Digests;

/// <summary>
/// One procedure in a digest, with the three lists every line shows: the task (project, procedure),
/// the responsibility (department, handler) and the time limit (accepted, due, days left or overdue).
/// </summary>
public sealed record DigestLine
{
    public required string ProjectCode { get; init; }

    public required string ProjectName { get; init; }

    public required string ProcedureCode { get; init; }

    public required string ProcedureChineseName { get; init; }

    public required string ProcedureEnglishName { get; init; }

    public required string Department { get; init; }

    public required string HandlerEmail { get; init; }

    public required string HandlerName { get; init; }

    public required DateOnly AcceptedOn { get; init; }

    public required DateOnly DueOn { get; init; }

    public required int LimitDays { get; init; }

    public int ExtensionDays { get; init; }

    public int PausedWorkingDays { get; init; }

    public required Flag Flag { get; init; }

    /// <summary>Working days until the due date: 0 when due today, negative when overdue.</summary>
    public required int WorkingDaysLeft { get; init; }

    public int OverdueWorkingDays => Flag == Flag.Red ? -WorkingDaysLeft : 0;
}
