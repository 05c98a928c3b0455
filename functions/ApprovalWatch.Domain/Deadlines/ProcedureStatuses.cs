namespace ApprovalWatch.Domain.Deadlines;

/// <summary>The names a status is written with in department files (English codes, Chinese words) and its stored code.</summary>
public static class ProcedureStatuses
{
    private static readonly Dictionary<string, ProcedureStatus> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["accepted"] = ProcedureStatus.Accepted,
        ["受理"] = ProcedureStatus.Accepted,
        ["已受理"] = ProcedureStatus.Accepted,
        ["in_review"] = ProcedureStatus.InReview,
        ["审查中"] = ProcedureStatus.InReview,
        ["审核中"] = ProcedureStatus.InReview,
        ["办理中"] = ProcedureStatus.InReview,
        ["在办"] = ProcedureStatus.InReview,
        ["paused"] = ProcedureStatus.Paused,
        ["暂停"] = ProcedureStatus.Paused,
        ["已暂停"] = ProcedureStatus.Paused,
        ["approved"] = ProcedureStatus.Approved,
        ["办结"] = ProcedureStatus.Approved,
        ["已办结"] = ProcedureStatus.Approved,
        ["准予许可"] = ProcedureStatus.Approved,
        ["rejected"] = ProcedureStatus.Rejected,
        ["不予许可"] = ProcedureStatus.Rejected,
        ["withdrawn"] = ProcedureStatus.Withdrawn,
        ["撤回"] = ProcedureStatus.Withdrawn,
        ["已撤回"] = ProcedureStatus.Withdrawn,
    };

    public static bool TryParse(string text, out ProcedureStatus status) => Names.TryGetValue(text.Trim(), out status);

    public static string Code(this ProcedureStatus status) => status switch
    {
        ProcedureStatus.Accepted => "accepted",
        ProcedureStatus.InReview => "in_review",
        ProcedureStatus.Paused => "paused",
        ProcedureStatus.Approved => "approved",
        ProcedureStatus.Rejected => "rejected",
        ProcedureStatus.Withdrawn => "withdrawn",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static bool IsFinished(this ProcedureStatus status) =>
        status is ProcedureStatus.Approved or ProcedureStatus.Rejected or ProcedureStatus.Withdrawn;
}
