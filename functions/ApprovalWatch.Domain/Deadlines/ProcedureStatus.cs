namespace ApprovalWatch.Domain.Deadlines;

/// <summary>办理状态: the state a department reports for a procedure.</summary>
public enum ProcedureStatus
{
    Accepted,
    InReview,
    Paused,
    Approved,
    Rejected,
    Withdrawn,
}
