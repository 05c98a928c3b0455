using ApprovalWatch.Domain.Operations;
using ApprovalWatch.Domain.Receipts;
using ApprovalWatch.Domain.Staff;
using ApprovalWatch.Domain.Text;
using ApprovalWatch.Domain.Submissions;
using ApprovalWatch.Presentation.Operations;
using ApprovalWatch.Presentation.Receipts;

namespace ApprovalWatch.Domain.Tests;

/// <summary>Receipts and the operator report as their Liquid templates lay them out, text and HTML.</summary>
public class MailTemplateTests
{
    private static readonly Receipt Rejected = new()
    {
        File = "housing/2026-03-13.xlsx",
        Department = "housing",
        Status = Receipt.AppliedStatus,
        Format = Reason.Of("format.sheet", "Excel .xlsx", "'进度表'"),
        ReceivedAt = new DateTimeOffset(2026, 3, 16, 2, 0, 0, TimeSpan.Zero),
        Rows = 3,
        Applied = 1,
        Rejected = 2,
        Notes = [Reason.Of("file.column_not_read", "备注")],
        Errors =
        [
            new RowError(7, "审批事项 procedure", Reason.Of("row.procedure_unknown"), "HC-99", "进度表"),
            new RowError(4, "受理日期 accepted_on", Reason.Of("cell.required"), "<b>", "进度表"),
        ],
        ErrorsNotListed = 1,
    };

    [Fact]
    public void A_receipt_reads_in_chinese_first_with_the_rows_to_correct_in_line_order()
    {
        var mail = ReceiptRenderer.Render(Rejected);

        Assert.Equal("""
            【报送回执】housing/2026-03-13.xlsx：采用 1 行，退回 2 行 | ApprovalWatch receipt: 1 applied, 2 rejected

            文件：housing/2026-03-13.xlsx（住房和城乡建设局）
            接收时间：2026-03-16 10:00（北京时间）
            读取格式：Excel .xlsx，工作表 '进度表'
            数据行 3 行：采用 1 行，无变化 0 行，数据日期早于已有数据 0 行，退回 2 行
            注意 Note：列“备注”未识别，未读取；column '备注' is not one ApprovalWatch knows and was not read.

            需要更正的行（行号为 Excel 行号或 CSV 行号）/ Rows to correct (line = Excel row or CSV line):
            - 工作表 进度表 第 4 行 sheet '进度表' line 4，受理日期 accepted_on：必填项为空；required value is empty（<b>）
            - 工作表 进度表 第 7 行 sheet '进度表' line 7，审批事项 procedure：审批事项不在目录中；procedure code is not in the catalogue（HC-99）
            - 另有 1 处错误未列出；1 more errors not listed

            —— English ——
            File: housing/2026-03-13.xlsx (Housing & Construction)
            Received: 2026-03-16 02:00:00Z
            Read as: Excel .xlsx, sheet '进度表'
            3 rows: 1 applied, 0 unchanged, 0 stale (older than what is stored), 2 rejected

            """.ReplaceLineEndings("\n"), mail.Text.ReplaceLineEndings("\n"));
        Assert.StartsWith(
            "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>【报送回执】housing/2026-03-13.xlsx",
            mail.Html
        ); // a viewport: it reads at phone width
        Assert.Contains("<tr><td>进度表 4</td><td>受理日期 accepted_on</td><td>必填项为空；required value is empty</td><td>&lt;b&gt;</td></tr>", mail.Html);
        Assert.Contains("<th>工作表 行号<br>Sheet line</th>", mail.Html);
        Assert.Contains("<p>另有 1 处错误未列出；1 more errors not listed</p>", mail.Html);
        Assert.EndsWith("<p style=\"color:#666\">ApprovalWatch 重点项目代办窗口 / key project agency window</p></body></html>", mail.Html);
    }

    [Fact]
    public void A_receipt_mailed_to_one_reader_speaks_his_one_language()
    {
        var english = ReceiptRenderer.Render(Rejected, Language.English);
        var chinese = ReceiptRenderer.Render(Rejected, Language.Chinese);

        Assert.Equal("ApprovalWatch receipt: 1 applied, 2 rejected", english.Subject);
        Assert.Contains("- sheet '进度表' line 4, accepted_on: required value is empty (<b>)", english.Text);
        Assert.Contains("Rows to correct (line = Excel row or CSV line):", english.Text);
        Assert.Contains("- 1 more errors not listed", english.Text);
        Assert.DoesNotContain("行", english.Text.Replace("进度表", ""));
        Assert.Contains("<html lang=\"en\">", english.Html);
        Assert.Contains("ApprovalWatch, key project agency window", english.Html);

        Assert.Equal("【报送回执】housing/2026-03-13.xlsx：采用 1 行，退回 2 行", chinese.Subject);
        Assert.Contains("- 工作表 进度表 第 4 行，受理日期：必填项为空（<b>）", chinese.Text);
        Assert.Contains("- 另有 1 处错误未列出", chinese.Text);
        Assert.DoesNotContain("English", chinese.Text);
        Assert.DoesNotContain("required value", chinese.Text);
        Assert.DoesNotContain("key project agency window", chinese.Html);
    }

    [Fact]
    public void An_operator_report_lists_each_problem_under_its_heading_and_an_empty_one_says_all_well()
    {
        var report = new OperatorReport(new DateOnly(2026, 3, 16))
        {
            Poisoned = [new PoisonedQueue("ingest-poison", 2, ["a", "b"])],
            MissedScans = [new DateOnly(2026, 3, 13)],
        };

        var mail = OperatorReportRenderer.Render(report);
        var empty = OperatorReportRenderer.Render(new OperatorReport(new DateOnly(2026, 3, 16)));

        Assert.Equal("""
            【运行报告】2026-03-16 异常 3 项 | ApprovalWatch operator report: 3 problem(s)

            死信队列 Poisoned messages (moved aside after their last try)
            - ingest-poison: 2 message(s); e.g. a | b

            每日任务未运行 Working days without the daily scan (no digests were made)
            - 2026-03-13


            """.ReplaceLineEndings("\n"), mail.Text.ReplaceLineEndings("\n"));
        Assert.Contains("<h3>每日任务未运行 Working days without the daily scan (no digests were made)</h3><ul><li>2026-03-13</li></ul>", mail.Html);
        Assert.Equal("【运行报告】2026-03-16 无异常 | ApprovalWatch operator report: all well\n\n", empty.Text.ReplaceLineEndings("\n"));
    }
}
