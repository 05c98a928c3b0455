using ApprovalWatch.Deadlines;

namespace ApprovalWatch.Digests;

/// <summary>
/// One procedure in a digest, with the three lists every line shows: the task (project, procedure),
/// the responsibility (department, handler) and the time limit (accepted, due, days left or overdue).
/// </summary>
public sealed record DigestLine
{
    public const string Procedure = "procedure";

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

    /// <summary>The statutory limit (法定时限) and its due date, shown beside the promised one.</summary>
    public int StatutoryDays { get; init; }

    public DateOnly? StatutoryDueOn { get; init; }

    /// <summary>Open past the statutory limit: escalated one level higher.</summary>
    public bool PastStatutory { get; init; }

    /// <summary><c>procedure</c>, or for a whole project <c>process</c> / <c>stage-N</c> (see <see cref="ProjectMeasure"/>).</summary>
    public string Scope { get; init; } = Procedure;

    /// <summary>For a project line: the departments with procedures still open.</summary>
    public IReadOnlyList<string> HoldingDepartments { get; init; } = [];

    public bool IsProject => Scope != Procedure;

    public int OverdueWorkingDays => Flag == Flag.Red ? -WorkingDaysLeft : 0;
}
