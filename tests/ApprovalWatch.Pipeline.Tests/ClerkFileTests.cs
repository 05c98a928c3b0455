using System.IO.Compression;
using System.Text;
using ApprovalWatch.Domain.Receipts;
using ApprovalWatch.Pipeline.Ingestion;
using ApprovalWatch.Pipeline.Storage;
using ApprovalWatch.Testing;

namespace ApprovalWatch.Pipeline.Tests;

/// <summary>
/// Files made the way clerks' tools make them — Excel and WPS workbooks, Excel's CSV and "Unicode text"
/// exports, text pasted from chats and web pages — and hostile ones: each ends in a receipt that says what
/// was applied, rejected or refused, and nothing is stored under a wrong identity.
/// </summary>
[Collection(AzuriteCollection.Name)]
public class ClerkFileTests
{
    private const string School = "2022-653001-48-01-00123X";
    private const string Zhang = "zhang.wei@kizilsu.example.org";

    private static async Task<Dictionary<string, ProcedureEntity>> ProceduresAsync(TestPipeline pipeline) =>
        await pipeline.Storage.Procedures.QueryAsync<ProcedureEntity>().ToDictionaryAsync(e => $"{e.PartitionKey}/{e.RowKey}");

    /// <summary>What Excel writes for "CSV UTF-8 (comma delimited)": a BOM, CRLF, cells with line breaks quoted.</summary>
    private static byte[] ExcelCsv(params string[][] rows) =>
        [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(string.Concat(rows.Select(r => string.Join(',', r.Select(Quote)) + "\r\n")))];

    private static string Quote(string cell) => cell.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{cell.Replace("\"", "\"\"")}\"" : cell;

    private static byte[] Workbook(params XlsxSheet[] sheets)
    {
        using var file = new MemoryStream();
        XlsxWriter.Write(file, sheets);
        return file.ToArray();
    }

    [Fact]
    public async Task A_wrapped_header_and_a_unit_in_brackets_are_read_and_the_departments_own_limit_is_used()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var file = ExcelCsv(
            ["项目代码", "审批事项", "办理状态", "受理\n日期", "承诺时限（工作日）", "经办人\r\n邮箱", "数据日期", "备注"],
            [School, "HC-01", "审查中", "2026-03-02", "12", Zhang, "2026-03-13", "请加快"]);

        var receipt = await pipeline.IngestAsync("housing/wrapped.csv", file);

        Assert.Equal((Receipt.AppliedStatus, 1, 0), (receipt.Status, receipt.Applied, receipt.Rejected));
        Assert.Equal(12, (await ProceduresAsync(pipeline))[$"{School}/HC-01"].LimitDays); // not the catalogue's 15
        Assert.Contains(receipt.Notes, n => n.Both().Contains("备注", StringComparison.Ordinal)); // a column not read is said, not silently dropped
    }

    [Fact]
    public async Task Dates_as_excel_and_clerks_write_them_are_read()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var sheet = new XlsxSheet("进度表");
        sheet.Rows.Add(["项目代码", "审批事项", "办理状态", "受理日期", "经办人邮箱", "数据日期"]);
        sheet.Rows.Add([School, "HC-01", "审查中", new DateTime(2026, 3, 2, 9, 30, 0), Zhang, "2026.3.13"]);
        sheet.Rows.Add([School, "HC-02", "审查中", "2026-3-2 0:00:00", Zhang, "2026/3/13 17:45"]);
        sheet.Rows.Add([School, "HC-03", "审查中", "2026.3.2", Zhang, "2026-03-13"]);

        var receipt = await pipeline.IngestAsync("housing/dates.xlsx", Workbook(sheet));

        Assert.Equal((3, 0), (receipt.Applied, receipt.Rejected));
        Assert.All((await ProceduresAsync(pipeline)).Values, p => Assert.Equal("2026-03-02", p.AcceptedOn));
    }

    [Fact]
    public async Task Excels_unicode_text_export_tab_separated_utf16_is_read()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var text = "项目代码\t审批事项\t办理状态\t受理日期\t经办人邮箱\t数据日期\r\n"
            + $"{School}\tHC-01\t审查中\t2026/3/2\t{Zhang}\t2026/3/13\r\n"
            + $"{School}\tHC-02\t受理\t2026/3/10\t{Zhang}\t2026/3/13\r\n";

        var receipt = await pipeline.IngestAsync("housing/进度表.txt", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)]);

        Assert.Equal((Receipt.AppliedStatus, 2), (receipt.Status, receipt.Applied));
        Assert.Equal("CSV UTF-16LE, tab-separated", receipt.Format.English());
    }

    [Fact]
    public async Task Every_visible_sheet_with_a_header_is_read_and_the_receipt_names_each_sheet()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        XlsxSheet County(string name, string project, string procedure, string accepted)
        {
            var sheet = new XlsxSheet(name);
            sheet.Rows.Add([$"{name} 审批事项进度表"]);
            sheet.Rows.Add(["项目代码", "审批事项", "办理状态", "受理日期", "经办人邮箱"]);
            sheet.Rows.Add([project, procedure, "审查中", accepted, Zhang]);
            return sheet;
        }

        var notes = new XlsxSheet("填表说明");
        notes.Rows.Add(["日期请按 2026-03-02 填写"]);
        var lookup = new XlsxSheet("lookup") { Hidden = true };
        lookup.Rows.Add(["project_code", "procedure", "status", "accepted_on", "handler_email"]);

        var receipt = await pipeline.IngestAsync("housing/by-county.xlsx", Workbook(
            County("阿图什市", School, "HC-01", "2026-03-02"), lookup, notes, County("阿克陶县", "2023-653022-48-01-004175", "HC-02", "2026-02-30")));

        Assert.Equal((2, 1, 1), (receipt.Rows, receipt.Applied, receipt.Rejected));
        Assert.Equal("Excel .xlsx，工作表 '阿图什市', '阿克陶县'；Excel .xlsx, sheets '阿图什市', '阿克陶县'", receipt.Format.Both());
        Assert.Equal(("阿克陶县", 3), (receipt.Errors.Single().Sheet, receipt.Errors.Single().Line));
        Assert.Contains(receipt.Notes, n => n.Both().Contains("填表说明", StringComparison.Ordinal));
        var page = (
            await pipeline.Storage.Receipts.GetBlobClient(ReceiptWriter.PageName("housing/by-county.xlsx")).DownloadContentAsync()
        ).Value.Content.ToString();
        Assert.Contains("阿克陶县 3", page);
    }

    [Fact]
    public async Task A_project_code_typed_in_full_width_digits_is_the_same_project()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        string[] header = ["项目代码", "审批事项", "办理状态", "受理日期", "经办人邮箱", "办结日期", "数据日期"];
        await pipeline.IngestAsync("housing/a.csv", ExcelCsv(header, ["２０２２－６５３００１－４８－０１－００１２３Ｘ", "HC-01", "审查中", "2026-03-02", Zhang, "", "2026-03-12"]));
        await pipeline.IngestAsync("housing/b.csv", ExcelCsv(header, [School, "HC-01", "办结", "2026-03-02", Zhang, "2026-03-13", "2026-03-13"]));

        var stored = Assert.Single(await ProceduresAsync(pipeline));
        Assert.Equal(($"{School}/HC-01", "approved"), (stored.Key, stored.Value.Status));
    }

    [Fact]
    public async Task An_invisible_character_pasted_into_an_address_is_removed_and_a_foreign_script_address_is_rejected()
    {
        await using var pipeline = await TestPipeline.StartAsync();

        var receipt = await pipeline.IngestAsync("housing/a.csv", ExcelCsv(
            ["项目代码", "审批事项", "办理状态", "受理日期", "经办人邮箱"],
            [School, "HC-01", "审查中", "2026-03-02", "\u200BZhang.Wei@kizilsu.example.org\u200B\u00A0"],
            [School, "HC-02", "审查中", "2026-03-02", "张伟@kizilsu.example.org"]));

        Assert.Equal(Zhang, (await ProceduresAsync(pipeline))[$"{School}/HC-01"].HandlerEmail);
        Assert.Equal(("经办人邮箱 handler_email", 3), (receipt.Errors.Single().Column, receipt.Errors.Single().Line));
    }

    [Fact]
    public async Task A_project_of_a_region_the_deployment_does_not_serve_is_rejected_with_the_reason()
    {
        await using var pipeline = await TestPipeline.StartAsync();

        var receipt = await pipeline.IngestAsync(
            "housing/a.csv",
            ExcelCsv(
                ["项目代码", "审批事项", "办理状态", "受理日期", "经办人邮箱"],
                ["2022-110105-48-01-00123X", "HC-01", "审查中", "2026-03-02", Zhang]
            )
        );

        Assert.Equal((0, 1), (receipt.Applied, receipt.Rejected));
        Assert.Contains("110105", receipt.Errors.Single().Reason.English());
        Assert.Contains("6530", receipt.Errors.Single().Reason.English());
    }

    [Theory]
    [InlineData("housing/report.xls")]
    [InlineData("housing/report.csv")]
    [InlineData("housing/report")]
    public async Task A_zip_bomb_under_any_name_is_refused_before_any_reader_opens_it(string name)
    {
        await using var pipeline = await TestPipeline.StartAsync();
        using var bomb = new MemoryStream();
        using (var zip = new ZipArchive(bomb, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using var part = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 300; i++)
            {
                await part.WriteAsync(zeros);
            }
        }

        var receipt = await pipeline.IngestAsync(name, bomb.ToArray());

        Assert.Equal(Receipt.UnreadableStatus, receipt.Status);
        Assert.Contains("more than the limit", receipt.Message.English());
    }

    [Fact]
    public async Task A_header_a_hundred_thousand_cells_wide_is_refused_with_the_limit_and_a_small_receipt()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var wide =
            $"项目代码,审批事项,办理状态,受理日期,经办人邮箱,{string.Join(',', Enumerable.Range(0, 100_000).Select(i => $"未知列{i}"))}\r\n{School},HC-01,审查中,2026-03-02,"
                + $"{ScanAndSendTests.Zhang}\r\n";

        var receipt = await pipeline.IngestAsync("housing/wide.csv", Encoding.UTF8.GetBytes(wide));
        var json = (await pipeline.Storage.Receipts.GetBlobClient("housing/wide.csv.receipt.json").DownloadContentAsync()).Value.Content;

        Assert.Equal(Receipt.UnreadableStatus, receipt.Status);
        Assert.Contains("more than the limit of 1,000", receipt.Message.English());
        Assert.InRange(json.ToMemory().Length, 1, 4_000);
        Assert.Empty(await ProceduresAsync(pipeline));
    }

    [Fact]
    public async Task Utf16_text_with_a_broken_surrogate_gets_a_receipt_not_an_exception()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var text = Encoding.Unicode.GetBytes($"项目代码,审批事项,办理状态,受理日期,经办人邮箱\r\n{School},HC-01,审查中,2026-03-02,");
        byte[] broken = [.. Encoding.Unicode.GetPreamble(), .. text, 0x00, 0xD8, 0x41, 0x00, 0x0D, 0x00, 0x0A, 0x00];

        var receipt = await pipeline.IngestAsync("housing/broken.csv", broken);

        Assert.Equal(Receipt.UnreadableStatus, receipt.Status);
        Assert.Contains("not valid UTF-16LE", receipt.Message.English());
        Assert.Empty(await ProceduresAsync(pipeline));
    }

    [Fact]
    public async Task A_five_megabyte_cell_rejects_its_row_in_the_first_pass()
    {
        await using var pipeline = await TestPipeline.StartAsync();

        var receipt = await pipeline.IngestAsync("housing/huge.csv", ExcelCsv(
            ["项目代码", "项目名称", "审批事项", "办理状态", "受理日期", "经办人邮箱"],
            [School, "学校", "HC-01", "审查中", "2026-03-02", Zhang],
            [School, new string('长', 5 * 1024 * 1024 / 3), "HC-02", "审查中", "2026-03-02", Zhang]));

        Assert.Equal((1, 1), (receipt.Applied, receipt.Rejected));
        Assert.Contains("too long", receipt.Errors.Single().Reason.English());
        Assert.Equal(["HC-01"], (await ProceduresAsync(pipeline)).Values.Select(p => p.RowKey));
    }

    [Fact]
    public async Task A_pdf_named_csv_is_refused_for_what_it_is()
    {
        await using var pipeline = await TestPipeline.StartAsync();

        var receipt = await pipeline.IngestAsync("housing/scan.csv", Encoding.ASCII.GetBytes("%PDF-1.7\n%âãÏÓ\n1 0 obj\n"));

        Assert.Equal(Receipt.UnreadableStatus, receipt.Status);
        Assert.Contains("not a spreadsheet, CSV or JSON", receipt.Message.English());
    }

    [Fact]
    public async Task A_file_whose_name_is_too_long_for_a_receipt_beside_it_gets_one_under_a_shorter_name()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var name = "housing/" + new string('长', 1010) + ".csv"; // its receipt's name beside it would pass the 1,024-character limit
        await pipeline.DropAsync(name, ExcelCsv(["项目代码", "审批事项", "办理状态", "受理日期", "经办人邮箱"], [School, "HC-01", "审查中", "2026-03-02", Zhang]));

        Assert.Equal(1, (await pipeline.Functions.GatherSubmissionsAsync(default)).Queued);
        await pipeline.IngestPump().DrainAsync(default);

        Assert.Equal((name, 1), (await pipeline.Get<ReceiptWriter>().ReadAsync(name, default) is { } r ? (r.File, r.Applied) : default));
        Assert.True(ReceiptWriter.ReceiptName(name).Length <= 1024);
        Assert.Equal(0, (await pipeline.Functions.GatherSubmissionsAsync(default)).Queued);
    }

    [Fact]
    public async Task A_file_the_store_will_not_even_take_a_receipt_for_is_recorded_as_refused_and_never_queued_again()
    {
        var receiptsContainer = "";
        var refuse = new FailingRequests(
            r =>
                receiptsContainer.Length > 0
                && r.Method == Azure.Core.RequestMethod.Put
                && r.Uri.Path.Contains($"/{receiptsContainer}/housing/odd", StringComparison.Ordinal),
            400,
            "InvalidResourceName"
        );
        await using var pipeline = await TestPipeline.StartAsync(blobPolicy: refuse);
        receiptsContainer = pipeline.Storage.Names.ReceiptsContainer;
        await pipeline.DropAsync("housing/odd.csv", ExcelCsv(["项目代码", "审批事项", "办理状态", "受理日期", "经办人邮箱"], [School, "HC-01", "审查中", "2026-03-02", Zhang]));

        Assert.Equal(1, (await pipeline.Functions.GatherSubmissionsAsync(default)).Queued);
        await pipeline.IngestPump().DrainAsync(default);

        Assert.Equal(0, (await pipeline.Functions.GatherSubmissionsAsync(default)).Queued);
        Assert.Equal(0, await pipeline.CountAsync(pipeline.Storage.PoisonQueue(pipeline.Storage.IngestQueue)));
        var report = await pipeline.Get<Operations.OperatorReportBuilder>().BuildAsync(TestPipeline.Monday, default);
        var refused = Assert.Single(report.RefusedFiles);
        Assert.Equal("housing/odd.csv", refused.File);
        Assert.Contains("InvalidResourceName", refused.Reason.English());
    }
}
