using System.Globalization;
using ApprovalWatch.Domain.Calendar;
using ApprovalWatch.Domain.Catalogue;
using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Domain.Submissions;
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

        var words = both ? Words.Chinese : primary;
        var changes = receipt.Changes.Select(c => Change(c, words)).ToList();
        if (receipt.ChangesNotListed > 0)
        {
            changes.Add(words.Format("receipt.more_changes", receipt.ChangesNotListed));
        }

        // A data date is a Beijing day: a midnight there is the afternoon before in UTC.
        string Day(DateTimeOffset at) => IsoDate.Format(OfficeClock.DateOf(at));
        var stale = receipt.StaleRows.Select(r => words.Format("receipt.stale", r.Line, r.ProjectCode, r.Procedure, Day(r.AsOf), Day(r.StoredAsOf))).ToList();

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
            more)
        {
            ChangesHeading = Heading("receipt.changes_heading"),
            Changes = changes,
            StaleHeading = Heading("receipt.stale_heading"),
            Stale = stale,
        };
    }

    private static string Change(AppliedChange change, Words words)
    {
        string Column(string name) =>
            SubmissionColumn.All.FirstOrDefault(c => c.Name == name) is { } column ? (words.IsChinese ? column.ChineseName : column.Name) : name;
        string Value(string column, string? value) =>
            value is null ? "—"
            : column == SubmissionColumn.Status.Name && ProcedureStatuses.TryParse(value, out var status) ? words["status." + status.Code()]
            : value;
        var fields = string.Join(
            words["receipt.change_separator"],
            change.Fields.Select(f =>
                change.Added
                    ? words.Format("receipt.field_added", Column(f.Column), Value(f.Column, f.After))
                    : words.Format("receipt.field_change", Column(f.Column), Value(f.Column, f.Before), Value(f.Column, f.After)))
        );
        var key = change.Added ? "receipt.added" : "receipt.changed";
        var name = words.IsChinese ? change.ProcedureName : change.ProcedureEnglishName;
        var procedure = name is null ? change.Procedure : $"{change.Procedure} {name}";
        var said = words.Format(key, change.Line, change.ProjectName, change.ProjectCode, procedure, fields);
        return change.Correction is { } reason ? said + words.Format("receipt.correction", reason) : said;
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
)
{
    public string ChangesHeading { get; init; } = "";

    /// <summary>What each applied row changed, in the primary language.</summary>
    public IReadOnlyList<string> Changes { get; init; } = [];

    public string StaleHeading { get; init; } = "";

    /// <summary>Rows older than the stored data: not applied, and nothing to correct.</summary>
    public IReadOnlyList<string> Stale { get; init; } = [];
}

public sealed record ReceiptHeader(string Top, string? Bottom);

/// <summary>A row to correct: as one line of text, and as the cells of a table row.</summary>
public sealed record ReceiptProblem(string Text, string Cell, string Column, string Reason, string Value);
