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
    IReadOnlyList<Pause>? Pauses = null)
{
    /// <summary>Accepted by law on the day it was received (视为受理), as the scan found.</summary>
    public bool DeemedAccepted { get; init; }

    /// <summary>Its reform clocks (容缺受理, 告知承诺制): each one's day and the day it was done, if it was.</summary>
    public IReadOnlyList<ReformDay> ReformDays { get; init; } = [];
}

/// <summary>A reform clock's day (容缺受理's materials, 告知承诺制's verification) and the day it was done, if it was.</summary>
public sealed record ReformDay(ReformClock Clock, DateOnly Due, DateOnly? Done);
