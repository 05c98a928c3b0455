namespace ApprovalWatch.Domain.Deadlines;

/// <summary>Which clock a procedure's line is about: its own, or a reform's (<see cref="Digests.ReformClocks"/>).</summary>
public enum ReformClock
{
    None,

    /// <summary>容缺受理: the missing materials' day.</summary>
    Tolerance,

    /// <summary>告知承诺制: the commitment's verification day.</summary>
    Commitment,

    /// <summary>视为受理: the day the law accepted an application, for its department's head.</summary>
    Deemed,
}
