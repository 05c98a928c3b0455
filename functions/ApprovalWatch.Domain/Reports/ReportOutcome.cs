namespace ApprovalWatch.Domain.Reports;

/// <summary>What a department's report of one procedure does to the stored state.</summary>
public enum ReportOutcome
{
    /// <summary>The procedure was not known: the report is its first state.</summary>
    Added,

    /// <summary>The report changes what is known (pauses merged).</summary>
    Changed,

    /// <summary>The report says what is known already, from an earlier file.</summary>
    Unchanged,

    /// <summary>What is known came from this same file (a retried delivery): it counts as applied.</summary>
    AlreadyApplied,

    /// <summary>The report is older than what is known: skipped.</summary>
    Stale,

    /// <summary>
    /// The report would move the procedure back (a finished one open again, its completion removed or moved) with a data
    /// date not later than what is known, and is not a correction: refused, naming the file that reported the newer state.
    /// </summary>
    Backwards,
}
