namespace ApprovalWatch.Domain.Staff;

/// <summary>What a person is in the escalation ladder.</summary>
public enum Role
{
    /// <summary>经办人: handles procedures of his department.</summary>
    Handler,

    /// <summary>Head of a department.</summary>
    Head,

    /// <summary>包联领导: the leader in charge of a department's projects.</summary>
    Leader,

    /// <summary>The development &amp; reform coordinator of the agency window.</summary>
    Coordinator,

    /// <summary>报送联系人: the clerk who sends the department's files and gets their receipts.</summary>
    Contact,

    /// <summary>运维: runs the app and gets the daily operator report of failures.</summary>
    Operator,
}
