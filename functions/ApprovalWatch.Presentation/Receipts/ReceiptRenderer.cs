using System.Globalization;
using ApprovalWatch.Domain.Calendar;
using ApprovalWatch.Domain.Catalogue;
using ApprovalWatch.Domain.Receipts;
using ApprovalWatch.Domain.Staff;
using ApprovalWatch.Domain.Text;
using ApprovalWatch.Presentation.Mail;

namespace ApprovalWatch.Presentation.Receipts;

/// <summary>
/// A receipt in plain words for the department's clerk: in both languages, Chinese first, for the page next to the file;
/// in the one language of the contact it is mailed to.
/// </summary>
public static class ReceiptRenderer
{
    /// <param name="language">The reader's one language; null for both (the page beside the file).</param>
    public static RenderedMail Render(Receipt receipt, Language? language = null)
    {
        var view = View(receipt, language);
        return MailTemplates.Render("receipt", view.Subject, view, language);
    }

    /// <summary>What a receipt says, line by line and row by row, for a mail or a page.</summary>
    public static ReceiptView View(Receipt receipt, Language? language = null)
    {
        var both = language is null;
        var primary = Words.Of(language ?? Language.Chinese);
        var department = Department.Find(receipt.Department);
        var lines = new List<string>();
        var secondary = new List<string>();
        void Say(string key, params object?[] values)
        {
            lines.Add(primary.Format(key, values));
            if (both)
            {
                secondary.Add(Words.English.Format(key, values));
            }
        }

        var status = receipt.Status switch { Receipt.AppliedStatus => "applied", Receipt.DuplicateStatus => "duplicate", _ => "unreadable" };
        object?[] about = [receipt.File, receipt.Applied, receipt.Rejected, receipt.DuplicateOf];
        var subject = both
            ? $"{Words.Chinese.Format("receipt.subject." + status, about)} | {Words.English.Format("receipt.subject." + status, about)}"
            : primary.Format("receipt.subject." + status, about);
        Say("receipt.file", receipt.File, department?.ChineseName ?? receipt.Department, department?.EnglishName ?? receipt.Department);
        Say(
            "receipt.received",
            IsoDate.Minute(TimeZoneInfo.ConvertTime(receipt.ReceivedAt, OfficeClock.Beijing)),
            receipt.ReceivedAt.ToString("u", CultureInfo.InvariantCulture)
        );
        if (Reasons.Say(receipt.Format, Language.English).Length > 0)
        {
            lines.Add(primary.Format("receipt.format", Reasons.Say(receipt.Format, language ?? Language.Chinese)));
            if (both)
            {
                secondary.Add(Words.English.Format("receipt.format", Reasons.Say(receipt.Format, Language.English)));
            }
        }

        if (receipt.Status == Receipt.AppliedStatus)
        {
            Say("receipt.rows", receipt.Rows, receipt.Applied, receipt.Unchanged, receipt.Stale, receipt.Rejected);
        }
        else
        {
            Say("receipt.nothing_applied", Reasons.Say(receipt.Message, language));
        }

        lines.AddRange(receipt.Notes.Select(n => both ? $"注意 Note：{Reasons.Say(n, null)}" : primary.Format("receipt.note", Reasons.Say(n, language))));
        var problems = receipt
            .Errors.Select(e => (Sheet: e.Sheet, e.Line, e.Column, e.Reason, e.Value))
            .Concat(
                receipt.StaleRows.Select(s =>
                    (
                        Sheet: (string?)null,
                        s.Line,
                        Column: "数据日期 as_of",
                        Reason: Reason.Of("row.stale", s.AsOf, s.StoredAsOf),
                        Value: $"{s.ProjectCode} {s.Procedure}"
                    )
                )
            )
            .OrderBy(p => p.Sheet, StringComparer.Ordinal)
            .ThenBy(p => p.Line)
            .Select(p =>
            {
                var (column, reason) = (Bilingual.PickLabel(p.Column, language), Reasons.Say(p.Reason, language));
                var where = both
                    ? (p.Sheet is null ? $"第 {p.Line} 行 line {p.Line}" : $"工作表 {p.Sheet} 第 {p.Line} 行 sheet '{p.Sheet}' line {p.Line}")
                    : primary.Format(p.Sheet is null ? "receipt.where" : "receipt.where_sheet", p.Line, p.Sheet);
                return new ReceiptProblem(
                    (both ? Words.Chinese : primary).Format("receipt.problem", where, column, reason, p.Value),
                    p.Sheet is null ? $"{p.Line}" : $"{p.Sheet} {p.Line}",
                    column,
                    reason,
                    p.Value);
            })
            .ToList();
        string Heading(string key) => both ? $"{Words.Chinese[key].TrimEnd('：')}/ {Words.English[key]}" : primary[key];
        (string Top, string? Bottom) Header(string key) => both ? (Words.Chinese[key], Words.English[key]) : (primary[key], null);
        var more = receipt.ErrorsNotListed > 0 ? Bilingual.Join(k => k.Format("receipt.more_errors", receipt.ErrorsNotListed), language) : null;

        return new ReceiptView(
            subject,
            lines,
            secondary,
            both ? "—— English ——" : null,
            Heading("receipt.rows_heading"),
            [
                .. new[]
                {
                    Header(receipt.Errors.Any(e => e.Sheet is not null) ? "receipt.sheet_line" : "receipt.line"),
                    Header("receipt.column"),
                    Header("receipt.reason"),
                    Header("receipt.value"),
                }.Select(h => new ReceiptHeader(h.Top, h.Bottom)),
            ],
            problems,
            more);
    }
}

public sealed record ReceiptView(
    string Subject,
    IReadOnlyList<string> Primary,
    IReadOnlyList<string> Secondary,
    string? SecondaryHeading,
    string RowsHeading,
    IReadOnlyList<ReceiptHeader> Headers,
    IReadOnlyList<ReceiptProblem> Problems,
    string? More
);

public sealed record ReceiptHeader(string Top, string? Bottom);

/// <summary>A row to correct: as one line of text, and as the cells of a table row.</summary>
public sealed record ReceiptProblem(string Text, string Cell, string Column, string Reason, string Value);
