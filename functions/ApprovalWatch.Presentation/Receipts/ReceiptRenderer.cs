using System.Globalization;
using ApprovalWatch.Domain.Calendar;
using ApprovalWatch.Domain.Catalogue;
using ApprovalWatch.Domain.Receipts;
using ApprovalWatch.Domain.Text;
using ApprovalWatch.Presentation.Mail;

namespace ApprovalWatch.Presentation.Receipts;

/// <summary>A receipt in plain words for the department's clerk, Chinese first: the page next to the file and the reply email.</summary>
public static class ReceiptRenderer
{
    public static RenderedMail Render(Receipt receipt)
    {
        var department = Department.Find(receipt.Department);
        var zh = new List<string>();
        var en = new List<string>();
        void Both(string key, params object?[] values)
        {
            zh.Add(Words.Chinese.Format(key, values));
            en.Add(Words.English.Format(key, values));
        }

        // The receipt speaks both languages, Chinese first.
        var status = receipt.Status switch { Receipt.AppliedStatus => "applied", Receipt.DuplicateStatus => "duplicate", _ => "unreadable" };
        object?[] about = [receipt.File, receipt.Applied, receipt.Rejected, receipt.DuplicateOf];
        var subject = $"{Words.Chinese.Format("receipt.subject." + status, about)} | {Words.English.Format("receipt.subject." + status, about)}";
        Both("receipt.file", receipt.File, department?.ChineseName ?? receipt.Department, department?.EnglishName ?? receipt.Department);
        Both("receipt.received", IsoDate.Minute(TimeZoneInfo.ConvertTime(receipt.ReceivedAt, OfficeClock.Beijing)), receipt.ReceivedAt.ToString("u", CultureInfo.InvariantCulture));
        if (receipt.Format.Length > 0)
        {
            Both("receipt.format", receipt.Format);
        }

        if (receipt.Status == Receipt.AppliedStatus)
        {
            Both("receipt.rows", receipt.Rows, receipt.Applied, receipt.Unchanged, receipt.Stale, receipt.Rejected);
        }
        else
        {
            Both("receipt.nothing_applied", receipt.Message);
        }

        zh.AddRange(receipt.Notes.Select(n => $"注意 Note：{n}"));
        var problems = receipt.Errors.Select(e => (Sheet: e.Sheet, e.Line, e.Column, e.Reason, e.Value))
            .Concat(receipt.StaleRows.Select(s => (Sheet: (string?)null, s.Line, Column: "数据日期 as_of", Reason: $"数据日期 {IsoDate.Format(s.AsOf)} 早于已有数据 {IsoDate.Format(s.StoredAsOf)}；older than the stored data", Value: $"{s.ProjectCode} {s.Procedure}")))
            .OrderBy(p => p.Sheet, StringComparer.Ordinal).ThenBy(p => p.Line)
            .ToList();

        return MailTemplates.Render("receipt", subject, new
        {
            Zh = zh,
            En = en,
            Problems = problems.Select(p => new { p.Sheet, p.Line, p.Column, p.Reason, p.Value }).ToList(),
            AnySheet = problems.Any(p => p.Sheet is not null),
            receipt.ErrorsNotListed,
        });
    }
}
