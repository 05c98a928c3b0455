using System.Globalization;
using ApprovalWatch.Domain.Weekly;

namespace ApprovalWatch.Presentation.Weekly;

/// <summary>Says why a project is lit, and names a report's procedures, in the reader's language.</summary>
public static class ReasonText
{
    private const int ProblemWords = 20;

    public static string Say(LightReason reason, IReadOnlyDictionary<string, ProcedureName> names, Words w) => reason.Kind switch
    {
        LightReason.BelowPace => w.Format("reason.below_pace", reason.Points?.ToString("0.##", CultureInfo.InvariantCulture)),
        LightReason.StartMissed => w.Format("reason.start_missed", reason.Month?.ToString("yyyy-MM", CultureInfo.InvariantCulture)),
        LightReason.ProcedureOverdue => w.Format("reason.procedure_overdue", Procedure(names, reason.Procedure ?? "", w), reason.WorkingDays),
        LightReason.ProblemOverdue => w.Format("reason.problem_overdue", Shorten(reason.Text ?? reason.Problem ?? ""), reason.WorkingDays),
        _ => reason.Text ?? reason.Kind,
    };

    public static string Join(IEnumerable<LightReason> reasons, IReadOnlyDictionary<string, ProcedureName> names, Words w) =>
        string.Join(w["reason.separator"], reasons.Select(r => Say(r, names, w)));

    /// <summary>A procedure by its name in the reader's language (its code where there is no name for it).</summary>
    public static string Procedure(IReadOnlyDictionary<string, ProcedureName> names, string code, Words w) =>
        names.TryGetValue(code, out var name) ? (w.IsChinese ? name.Chinese : name.English) : code;

    private static string Shorten(string text) => text.Length <= ProblemWords ? text : string.Concat(text.AsSpan(0, ProblemWords), "…");
}
