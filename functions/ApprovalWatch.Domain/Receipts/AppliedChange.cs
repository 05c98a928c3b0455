using ApprovalWatch.Domain.Catalogue;
using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Domain.Submissions;
using ApprovalWatch.Domain.Text;

namespace ApprovalWatch.Domain.Receipts;

/// <summary>
/// An applied row as the receipt shows it, so a clerk can check it: the procedure of the project, and each value that
/// changed (old → new, by the column's name), or none before for a procedure the file added; and the correction's reason
/// when the row corrected what was stored. The procedure's names are the catalogue's when it was applied.
/// </summary>
public sealed record AppliedChange(int Line, string ProjectCode, string ProjectName, string Procedure, IReadOnlyList<FieldChange> Fields)
{
    public string? Correction { get; init; }

    /// <summary>The procedure's name in the catalogue, Chinese; null in receipts written before it was kept.</summary>
    public string? ProcedureName { get; init; }

    /// <summary>The procedure's name in the catalogue, English.</summary>
    public string? ProcedureEnglishName { get; init; }

    public bool Added => Fields.All(f => f.Before is null);

    public bool Equals(AppliedChange? other) =>
        other is not null
        && (Line, ProjectCode, ProjectName, Procedure, Correction, ProcedureName, ProcedureEnglishName)
            == (other.Line, other.ProjectCode, other.ProjectName, other.Procedure, other.Correction, other.ProcedureName, other.ProcedureEnglishName)
        && Fields.SequenceEqual(other.Fields);

    public override int GetHashCode() => HashCode.Combine(Line, ProjectCode, Procedure);

    public static AppliedChange Between(int line, Procedure? before, Procedure after, string? correction = null, CatalogueEntry? entry = null) =>
        new(line, after.ProjectCode, after.ProjectName, after.ProcedureCode, Compare(before, after))
        {
            Correction = correction,
            ProcedureName = entry?.ChineseName,
            ProcedureEnglishName = entry?.EnglishName,
        };

    private static List<FieldChange> Compare(Procedure? before, Procedure after)
    {
        static string? Pauses(Procedure? p) =>
            p is null || p.Pauses.Count == 0
                ? null
                : string.Join(", ", p.Pauses.Select(x => $"{IsoDate.Format(x.From)}–{IsoDate.Format(x.To) ?? "…"}"));
        (SubmissionColumn Column, string? Before, string? After)[] all =
        [
            (SubmissionColumn.Status, before?.Status.Code(), after.Status.Code()),
            (SubmissionColumn.AcceptedOn, IsoDate.Format(before?.AcceptedOn), IsoDate.Format(after.AcceptedOn)),
            (SubmissionColumn.CompletedOn, IsoDate.Format(before?.CompletedOn), IsoDate.Format(after.CompletedOn)),
            (SubmissionColumn.LimitDays, Number(before?.LimitDays), Number(after.LimitDays)),
            (SubmissionColumn.HandlerEmail, before?.HandlerEmail, after.HandlerEmail),
            (SubmissionColumn.PausedFrom, Pauses(before), Pauses(after)),
            (SubmissionColumn.ExtendedDays, Number(before?.ExtensionDays), Number(after.ExtensionDays)),
            (SubmissionColumn.ReceivedOn, IsoDate.Format(before?.ReceivedOn), IsoDate.Format(after.ReceivedOn)),
            (SubmissionColumn.CorrectionNotifiedOn, IsoDate.Format(before?.CorrectionNotifiedOn), IsoDate.Format(after.CorrectionNotifiedOn)),
            (SubmissionColumn.MaterialsDueOn, IsoDate.Format(before?.MaterialsDueOn), IsoDate.Format(after.MaterialsDueOn)),
            (SubmissionColumn.MaterialsSuppliedOn, IsoDate.Format(before?.MaterialsSuppliedOn), IsoDate.Format(after.MaterialsSuppliedOn)),
            (SubmissionColumn.VerifyBy, IsoDate.Format(before?.VerifyBy), IsoDate.Format(after.VerifyBy)),
            (SubmissionColumn.VerifiedOn, IsoDate.Format(before?.VerifiedOn), IsoDate.Format(after.VerifiedOn)),
        ];
        return [
            .. all.Select(f => (f.Column, Before: Empty(f.Before), After: Empty(f.After)))
                .Where(f => f.Before != f.After)
                .Select(f => new FieldChange(f.Column.Name, f.Before, f.After)),
        ];
    }

    private static string? Number(int? value) => value is null or 0 ? null : value.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string? Empty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}

/// <summary>A column's value before and after a row was applied (none: empty).</summary>
public sealed record FieldChange(string Column, string? Before, string? After);
