using System.Text;
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

        var text = new StringBuilder();
        text.AppendLine(subject).AppendLine();
        zh.ForEach(l => text.AppendLine(l));
        if (problems.Count > 0)
        {
            text.AppendLine().AppendLine("需要更正的行（行号为 Excel 行号或 CSV 行号）/ Rows to correct (line = Excel row or CSV line):");
            foreach (var (sheet, line, column, reason, value) in problems)
            {
                text.AppendLine(sheet is null
                    ? $"- 第 {line} 行 line {line}，{column}：{reason}（{value}）"
                    : $"- 工作表 {sheet} 第 {line} 行 sheet '{sheet}' line {line}，{column}：{reason}（{value}）");
            }

            if (receipt.ErrorsNotListed > 0)
            {
                text.AppendLine($"- 另有 {receipt.ErrorsNotListed} 处错误未列出；{receipt.ErrorsNotListed} more errors not listed");
            }
        }

        text.AppendLine().AppendLine("—— English ——");
        en.ForEach(l => text.AppendLine(l));

        var html = new StringBuilder("<h2>").Append(E(subject)).Append("</h2><p>");
        html.AppendJoin("<br>", zh.Select(E)).Append("</p><p style=\"color:#555\">").AppendJoin("<br>", en.Select(E)).Append("</p>");
        if (problems.Count > 0)
        {
            html.Append("<table cellpadding=\"4\" cellspacing=\"0\" border=\"1\" style=\"border-collapse:collapse\"><tr style=\"background:#eee\"><th>").Append(problems.Any(p => p.Sheet is not null) ? "工作表 行号<br>Sheet line" : "行号<br>Line").Append("</th><th>列<br>Column</th><th>原因<br>Reason</th><th>内容<br>Value</th></tr>");
            foreach (var (sheet, line, column, reason, value) in problems)
            {
                html.Append("<tr><td>").Append(sheet is null ? $"{line}" : E($"{sheet} {line}")).Append("</td><td>").Append(E(column)).Append("</td><td>").Append(E(reason)).Append("</td><td>").Append(E(value)).Append("</td></tr>");
            }

            html.Append("</table>");
            if (receipt.ErrorsNotListed > 0)
            {
                html.Append("<p>").Append(E($"另有 {receipt.ErrorsNotListed} 处错误未列出；{receipt.ErrorsNotListed} more errors not listed")).Append("</p>");
            }
        }

        return new RenderedMail(subject, text.ToString(), MailPage.Html(subject, html.ToString()));
    }

    private static string E(string text) => MailPage.Encode(text);
}
