using System.Globalization;
using ApprovalWatch.Domain.Projects;

namespace ApprovalWatch.Presentation.Weekly;

/// <summary>Says a data check (数据核查) in the reader's language, the procedures its detail names by their names.</summary>
public static partial class CheckText
{
    /// <param name="names">The procedures' names by code; a code not in it is said as it is.</param>
    public static string Say(DataWarning check, Words w, IReadOnlyDictionary<string, Domain.Weekly.ProcedureName>? names = null) =>
        w.All.TryGetValue("check." + check.Check, out var words)
            ? string.Format(
                CultureInfo.InvariantCulture,
                words,
                Amount(check.Value),
                Amount(check.Limit),
                Named(check.Detail, names, w),
                Plausibility.FarAbovePlanFactor
            )
            : check.Check;

    private static string? Named(string? detail, IReadOnlyDictionary<string, Domain.Weekly.ProcedureName>? names, Words w) =>
        detail is null || names is null ? detail : ProcedureCode().Replace(detail, m => ReasonText.Procedure(names, m.Value, w));

    /// <summary>A catalogue code as the checks write it in their detail (<c>HC-02 ← NR-03</c>).</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\b[A-Z]{2}-[0-9]{2}\b")]
    private static partial System.Text.RegularExpressions.Regex ProcedureCode();

    private static string Amount(decimal? value) => value?.ToString("#,0.##", CultureInfo.InvariantCulture) ?? "";
}
