using ApprovalWatch.Domain.Deadlines;

namespace ApprovalWatch.Domain.Reports;

/// <summary>
/// The decision on one reported row: its outcome, the state to store (for <see cref="ReportOutcome.Added"/>
/// and <see cref="ReportOutcome.Changed"/>), and the status before it when the status changes (null for a
/// new procedure), which the audit trail records.
/// </summary>
public sealed record ReportDecision(ReportOutcome Outcome, Procedure? NewState = null, bool StatusChanged = false, ProcedureStatus? StatusBefore = null)
{
    public bool IsApplied => Outcome is ReportOutcome.Added or ReportOutcome.Changed or ReportOutcome.AlreadyApplied;

    /// <summary>
    /// Decides what <paramref name="report"/> does to <paramref name="known"/> (null when the procedure is
    /// new). A report older than what is known is stale. Pauses add up across reports (<see cref="PauseRecord"/>).
    /// <paramref name="knownFromSameFile"/> tells a retried delivery of the same file from an unchanged report.
    /// </summary>
    /// <param name="correction">The reason the row gives for correcting what is stored (none: an ordinary report), which lets it move back.</param>
    public static ReportDecision Decide(Procedure? known, bool knownFromSameFile, Procedure report, string? correction = null)
    {
        if (known is null)
        {
            return new ReportDecision(ReportOutcome.Added, report, StatusChanged: true);
        }

        if (report.AsOf < known.AsOf)
        {
            return new ReportDecision(ReportOutcome.Stale);
        }

        var merged = report with { Pauses = PauseRecord.Combine(known.Pauses, report) };
        if (merged.SameFactsAs(known))
        {
            return new ReportDecision(knownFromSameFile ? ReportOutcome.AlreadyApplied : ReportOutcome.Unchanged);
        }

        if (string.IsNullOrWhiteSpace(correction) && !knownFromSameFile && report.AsOf <= known.AsOf && MovesBack(known, merged))
        {
            return new ReportDecision(ReportOutcome.Backwards);
        }

        return new ReportDecision(ReportOutcome.Changed, merged, known.Status != merged.Status, known.Status);
    }

    /// <summary>
    /// True when <paramref name="next"/> undoes what <paramref name="known"/> says happened: a finished procedure open again or
    /// finished otherwise, its completion removed or moved.
    /// </summary>
    public static bool MovesBack(Procedure known, Procedure next) =>
        (known.Status.IsFinished() && !next.Status.IsFinished())
        || (known.CompletedOn is { } completed && next.CompletedOn != completed)
        || (known.Status.IsFinished() && next.Status != known.Status);
}
