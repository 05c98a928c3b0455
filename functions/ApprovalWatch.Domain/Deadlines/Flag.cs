namespace ApprovalWatch.Domain.Deadlines;

/// <summary>Where a procedure stands against its time limit.</summary>
public enum Flag
{
    /// <summary>Due later than the warning window.</summary>
    Green,

    /// <summary>预警: due within the warning window, or today.</summary>
    Yellow,

    /// <summary>超期: past due and not finished.</summary>
    Red,

    /// <summary>The clock is stopped by an open pause; nothing is due.</summary>
    Paused,

    /// <summary>Finished (approved, refused or withdrawn): no longer watched.</summary>
    Finished,
}
