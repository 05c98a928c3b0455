namespace ApprovalWatch.Domain.Digests;

/// <summary>What changed about a line since the recipient's previous digest.</summary>
public enum LineChange
{
    /// <summary>It was not in the previous digest (or there was none).</summary>
    New,

    /// <summary>It went from due soon to overdue, or climbed a rung of the ladder.</summary>
    Worse,

    /// <summary>Still open, no worse.</summary>
    StillOpen,
}
