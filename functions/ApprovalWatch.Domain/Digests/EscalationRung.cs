namespace ApprovalWatch.Digests;

/// <summary>How far up the escalation ladder a procedure has climbed; each rung reaches those below it too.</summary>
public enum EscalationRung
{
    /// <summary>Yellow, or red for less than the department head's threshold.</summary>
    Handler = 1,

    DepartmentHead = 2,

    /// <summary>The leader in charge and the development &amp; reform coordinator.</summary>
    LeaderAndCoordinator = 3,

    /// <summary>Into the weekly report to the leadership.</summary>
    WeeklyReport = 4,
}
