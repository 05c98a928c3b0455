namespace ApprovalWatch.Domain.Deadlines;

/// <summary>What the weekly report needs of a stored procedure: where it belongs, who holds it, its last flag and its dates.</summary>
public sealed record ProcedureFacts(
    string ProjectCode,
    string ProjectName,
    string ProcedureCode,
    string Department,
    string County,
    string HandlerEmail,
    Flag? Flag,
    DateOnly AcceptedOn,
    DateOnly? DueOn,
    DateOnly? CompletedOn,
    bool FinishedLate,
    IReadOnlyList<Pause>? Pauses = null);
