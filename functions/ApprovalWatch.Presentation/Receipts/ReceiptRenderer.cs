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
        var subject = receipt.Status switch
        {
            Receipt.AppliedStatus => $"【报送回执】{receipt.File}：采用 {receipt.Applied} 行，退回 {receipt.Rejected} 行 | ApprovalWatch receipt: {receipt.Applied} applied, {receipt.Rejected} rejected",
            Receipt.DuplicateStatus => $"【报送回执】{receipt.File}：与已报送文件相同 | ApprovalWatch receipt: same as {receipt.DuplicateOf}",
            _ => $"【报送回执】{receipt.File}：文件无法读取 | ApprovalWatch receipt: the file could not be read",
        };

        var zh = new List<string>
        {
            $"文件：{receipt.File}（{department?.ChineseName ?? receipt.Department}）",
            $"接收时间：{IsoDate.Minute(TimeZoneInfo.ConvertTime(receipt.ReceivedAt, OfficeClock.Beijing))}（北京时间）",
        };
        var en = new List<string>
        {
            $"File: {receipt.File} ({department?.EnglishName ?? receipt.Department})",
            $"Received: {receipt.ReceivedAt:u}",
        };
        if (receipt.Format.Length > 0)
        {
            zh.Add($"读取格式：{receipt.Format}");
            en.Add($"Read as: {receipt.Format}");
        }

        if (receipt.Status == Receipt.AppliedStatus)
        {
            zh.Add($"数据行 {receipt.Rows} 行：采用 {receipt.Applied} 行，无变化 {receipt.Unchanged} 行，数据日期早于已有数据 {receipt.Stale} 行，退回 {receipt.Rejected} 行");
            en.Add($"{receipt.Rows} rows: {receipt.Applied} applied, {receipt.Unchanged} unchanged, {receipt.Stale} stale (older than what is stored), {receipt.Rejected} rejected");
        }
        else
        {
            zh.Add($"结果：未处理。{receipt.Message}");
            en.Add($"Result: nothing applied. {receipt.Message}");
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
