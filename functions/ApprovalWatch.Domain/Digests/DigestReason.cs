namespace ApprovalWatch.Domain.Digests;

/// <summary>Why a recipient hears of a procedure.</summary>
public enum DigestReason
{
    /// <summary>The recipient handles it.</summary>
    Handler,

    /// <summary>It is due soon or overdue in the recipient's department and its handler is missing or not in the directory.</summary>
    NoKnownHandler,

    /// <summary>It is overdue in the recipient's department.</summary>
    DepartmentHead,

    /// <summary>It has stayed overdue long enough to reach the leader in charge.</summary>
    LeaderInCharge,

    /// <summary>It has stayed overdue long enough to reach the development &amp; reform coordinator.</summary>
    Coordinator,

    /// <summary>A project at risk of missing its whole-process or a stage limit.</summary>
    ProjectAtRisk,
}
