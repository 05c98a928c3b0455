using System.Globalization;
using ApprovalWatch.Domain.Projects;

namespace ApprovalWatch.Presentation.Weekly;

/// <summary>Says a data check (数据核查) in the reader's language.</summary>
public static class CheckText
{
    public static string Say(DataWarning check, Words w) =>
        w.All.TryGetValue("check." + check.Check, out var words)
            ? string.Format(CultureInfo.InvariantCulture, words, Amount(check.Value), Amount(check.Limit), check.Detail, Plausibility.FarAbovePlanFactor)
            : check.Check;

    private static string Amount(decimal? value) => value?.ToString("#,0.##", CultureInfo.InvariantCulture) ?? "";
}
