using ApprovalWatch.Domain.Receipts;
using ApprovalWatch.Domain.Submissions;
using ApprovalWatch.Domain.Submissions.Files;
using ApprovalWatch.Pipeline.Ingestion;
using ApprovalWatch.Pipeline.Storage;
using ApprovalWatch.Pipeline.Templates;
using ApprovalWatch.Presentation.Submissions;
using ApprovalWatch.Testing;
using Azure.Core;

namespace ApprovalWatch.Pipeline.Tests;

/// <summary>Files as departments make them, end to end: the receipt, the tables, the reply to the department's contact.</summary>
[Collection(AzuriteCollection.Name)]
public class DepartmentFileTests
{
    private const string School = "2022-653001-48-01-00123X";
    private const string Market = "2024-653023-52-01-000882";
    private const string HousingContact = "ma.li@kizilsu.example.org";

    private static async Task<Dictionary<string, ProcedureEntity>> ProceduresAsync(TestPipeline pipeline) =>
        await pipeline.Storage.Procedures.QueryAsync<ProcedureEntity>().ToDictionaryAsync(e => $"{e.PartitionKey}/{e.RowKey}");

    [Fact]
    public async Task An_excel_workbook_is_applied_and_its_rejected_row_is_reported_by_excel_row_number()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var sheet = new XlsxSheet("进度表");
        sheet.Rows.Add(["住房和城乡建设局 重点项目审批事项进度表（2026年3月）"]);
        sheet.Merges.Add("A1:G1");
        sheet.Rows.Add(["项目代码", "项目名称", "审批事项", "办理状态", "受理日期", "经办人邮箱", "数据日期"]);
        sheet.Rows.Add([School, "新城学校", "HC-01", "审查中", new DateOnly(2026, 3, 2), "zhang.wei@kizilsu.example.org", new DateOnly(2026, 3, 13)]);
        sheet.Rows.Add([null, null, "HC-03", "受理", 46091, "wang.lei@kizilsu.example.org", "2026年3月13日"]);
        sheet.Merges.Add("A3:A4");
        sheet.Merges.Add("B3:B4");
        sheet.Rows.Add([Market, "农贸市场", "HC-02", "审查中", "2026/3/32", "zhang.wei@kizilsu.example.org", "20260313"]);
        sheet.Rows.Add([]);
        using var file = new MemoryStream();
        XlsxWriter.Write(file, [sheet]);

        var receipt = await pipeline.IngestAsync("housing/2026-03-13.xlsx", file.ToArray());

        Assert.Equal(("Excel .xlsx，工作表 '进度表'；Excel .xlsx, sheet '进度表'", 3, 2, 1), (receipt.Format.Both(), receipt.Rows, receipt.Applied, receipt.Rejected));
        var error = Assert.Single(receipt.Errors);
        Assert.Equal((5, "受理日期 accepted_on", "2026/3/32"), (error.Line, error.Column, error.Value));
        var rows = await ProceduresAsync(pipeline);
        Assert.Equal(["2022-653001-48-01-00123X/HC-01", "2022-653001-48-01-00123X/HC-03"], rows.Keys.Order());
        Assert.Equal(
            ("新城学校", "2026-03-10", "accepted"),
            (rows[$"{School}/HC-03"].ProjectName, rows[$"{School}/HC-03"].AcceptedOn, rows[$"{School}/HC-03"].Status)
        );
    }

    [Fact]
    public async Task A_legacy_xls_as_wps_saves_it_is_read()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var bytes = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "housing-wps.xls"));

        var receipt = await pipeline.IngestAsync("housing/wps.xls", bytes);

        Assert.Equal(
            ("Excel 97-2003 .xls，工作表 '进度表'；Excel 97-2003 .xls, sheet '进度表'", 3, 2, 1),
            (receipt.Format.Both(), receipt.Rows, receipt.Applied, receipt.Rejected)
        );
        Assert.Equal((5, "NR-03"), (receipt.Errors[0].Line, receipt.Errors[0].Value));
        var rows = await ProceduresAsync(pipeline);
        Assert.Equal(("阿图什市新城学校建设项目", "2026-03-10"), (rows[$"{School}/HC-03"].ProjectName, rows[$"{School}/HC-03"].AcceptedOn));
    }

    [Fact]
    public async Task A_gb18030_csv_with_rare_characters_is_read_and_the_receipt_names_the_encoding()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var csv = $"财政局 审批事项进度表\r\n项目代码,项目名称,审批事项,办理状态,受理日期,经办人邮箱,数据日期\r\n{School},𠮷祥学校,FI-01,审查中,2026-03-02,he.li@kizilsu.example.org,2026-03-13\r\n";

        var receipt = await pipeline.IngestAsync("finance/2026-03-13.csv", TextEncodings.Gb18030.GetBytes(csv));

        Assert.Equal(("CSV GB18030", 1, 0), (receipt.Format.Both(), receipt.Applied, receipt.Rejected));
        Assert.Equal("𠮷祥学校", (await ProceduresAsync(pipeline))[$"{School}/FI-01"].ProjectName);
        Assert.Equal(0, await pipeline.Get<Gathering.SubmissionGatherer>().GatherAsync(default)); // its receipt answers this very version
    }

    [Fact]
    public async Task A_json_file_is_read_and_its_rows_are_numbered_by_position()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var json = $$"""
            [{"project_code":"{{School}}","procedure":"PS-01","status":"in_review","accepted_on":"2026-03-02","handler_email":"luo.jun@kizilsu.example.org"},
             {"project_code":"{{School}}","procedure":"PS-01","status":"in_review","accepted_on":"2026-03-02","handler_email":"luo.jun@kizilsu.example.org"}]
            """;

        var receipt = await pipeline.IngestAsync("power/2026-03-13.json", json);

        Assert.Equal(("JSON", 1, 1), (receipt.Format.Both(), receipt.Applied, receipt.Rejected));
        Assert.Equal(2, receipt.Errors.Single().Line);
        Assert.Contains("line 1", receipt.Errors.Single().Reason.English());
    }

    [Fact]
    public async Task Text_that_looks_like_a_formula_is_stored_as_text()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var receipt = await pipeline.IngestAsync(
            "housing/a.csv",
            $"项目代码,项目名称,审批事项,办理状态,受理日期,经办人邮箱\n{School},\"=HYPERLINK(\"\"http://example.org\"\",\"\"学校\"\")\",HC-01,审查中,2026-03-02,a@b.org\n"
        );

        Assert.Equal(1, receipt.Applied);
        Assert.Equal("=HYPERLINK(\"http://example.org\",\"学校\")", (await ProceduresAsync(pipeline))[$"{School}/HC-01"].ProjectName);
    }

    [Fact]
    public async Task Rejected_rows_reach_the_departments_contact_by_email_once()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var receipt = await pipeline.IngestAsync(
            "housing/a.csv",
            $"项目代码,审批事项,办理状态,受理日期,经办人邮箱\n{School},HC-01,审查中,2026-03-02,a@b.org\n{School},NR-03,审查中,2026-03-02,a@b.org\n"
        );
        await pipeline
            .Get<SubmissionIngestor>()
            .IngestAsync(
                new IngestMessage(
                    "housing/a.csv",
                    (await pipeline.Storage.Submissions.GetBlobClient("housing/a.csv").GetPropertiesAsync()).Value.ETag.ToString()
                ),
                default
            );

        await pipeline.NotifyPump().DrainAsync(default);

        var reply = Assert.Single(pipeline.Mail.Received);
        Assert.Equal(HousingContact, reply.To);
        // The contact reads Chinese (directory language zh): his mail is Chinese only; the page beside the file keeps both.
        Assert.Equal("【报送回执】housing/a.csv：采用 1 行，退回 1 行", reply.Subject);
        Assert.Contains("- 第 3 行，审批事项：该事项属于自然资源局，本部门无权报送（NR-03）", reply.Text);
        Assert.DoesNotMatch(
            "[A-Za-z]{4,}",
            reply
                .Text.Replace("housing/a.csv", "")
                .Replace("NR-03", "")
                .Replace("ApprovalWatch", "")
                .Replace("CSV UTF-8", "")
                .Replace("CSV", "")
                .Replace("Excel", "")
        );
        var page = (
            await pipeline.Storage.Receipts.GetBlobClient(ReceiptWriter.PageName("housing/a.csv")).DownloadContentAsync()
        ).Value.Content.ToString();
        Assert.Contains("该事项属于自然资源局", page);
        Assert.Contains(receipt.Errors.Single().Reason.English(), page);
    }

    [Fact]
    public async Task The_same_file_ingested_again_on_a_later_day_does_not_mail_its_contact_again()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        await pipeline.IngestAsync("housing/a.csv", $"项目代码,审批事项,办理状态,受理日期,经办人邮箱\n{School},NR-03,审查中,2026-03-02,a@b.org\n");
        await pipeline.NotifyPump().DrainAsync(default);
        var etag = (await pipeline.Storage.Submissions.GetBlobClient("housing/a.csv").GetPropertiesAsync()).Value.ETag.ToString();

        pipeline.Clock.Now = pipeline.Clock.Now.AddDays(1);
        await pipeline.Functions.IngestSubmissionAsync(QueueMessages.Write(new IngestMessage("housing/a.csv", etag)), default);
        await pipeline.NotifyPump().DrainAsync(default);

        Assert.Equal(HousingContact, Assert.Single(pipeline.Mail.Received).To);
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused_with_the_limit_and_the_contact_is_told()
    {
        await using var pipeline = await TestPipeline.StartAsync(new Dictionary<string, string?> { ["Ingest:MaxFileBytes"] = "100" });

        var receipt = await pipeline.IngestAsync("housing/big.csv", $"项目代码,审批事项,办理状态,受理日期,经办人邮箱\n{School},HC-01,审查中,2026-03-02,a@b.org\n");
        await pipeline.NotifyPump().DrainAsync(default);

        Assert.Equal(Receipt.UnreadableStatus, receipt.Status);
        Assert.Contains("more than the limit of 100", receipt.Message.English());
        Assert.Empty(await ProceduresAsync(pipeline));
        Assert.Equal(HousingContact, Assert.Single(pipeline.Mail.Received).To);
    }

    [Fact]
    public async Task A_file_over_the_row_limit_applies_nothing()
    {
        await using var pipeline = await TestPipeline.StartAsync(new Dictionary<string, string?> { ["Ingest:MaxRows"] = "2" });
        var rows = string.Join('\n', new[] { "HC-01", "HC-02", "HC-03" }.Select(p => $"{School},{p},审查中,2026-03-02,a@b.org"));

        var receipt = await pipeline.IngestAsync("housing/many.csv", $"项目代码,审批事项,办理状态,受理日期,经办人邮箱\n{rows}\n");

        Assert.Equal(Receipt.UnreadableStatus, receipt.Status);
        Assert.Contains("more than 2 rows", receipt.Message.English());
        Assert.Empty(await ProceduresAsync(pipeline));
    }

    [Fact]
    public async Task Two_concurrent_files_about_the_same_procedures_end_with_the_newer_data()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        for (var round = 0; round < 5; round++)
        {
            // Each round its own projects, so that rounds share nothing.
            var projects = new[] { $"2022-653001-48-01-0012{round}X", $"2024-653023-52-01-0008{round}2" };
            string File(string status, string asOf, string completed) =>
                "项目代码,审批事项,办理状态,受理日期,经办人邮箱,办结日期,数据日期\n"
                + string.Join(
                    '\n',
                    projects.SelectMany(p =>
                        new[] { "HC-01", "HC-02", "HC-03", "HC-04" }.Select(c => $"{p},{c},{status},2026-03-02,a@b.org,{completed},{asOf}")
                    )
                )
                + "\n";

            var receipts = await Task.WhenAll(
                pipeline.IngestAsync($"housing/older-{round}.csv", File("审查中", "2026-03-10", "")),
                pipeline.IngestAsync($"housing/newer-{round}.csv", File("办结", "2026-03-13", "2026-03-12")));

            var rows = (await ProceduresAsync(pipeline)).Values.Where(r => projects.Contains(r.PartitionKey)).ToList();
            Assert.Equal(8, rows.Count);
            Assert.All(rows, r => Assert.Equal(("approved", $"housing/newer-{round}.csv"), (r.Status, r.SourceBlob)));
            Assert.Equal(8, receipts[1].Applied);
            Assert.Equal(8, receipts[0].Applied + receipts[0].Stale);
        }
    }

    [Fact]
    public async Task A_newer_state_written_between_reading_and_updating_is_never_overwritten()
    {
        // Another ingestion writes newer data for the procedure just before this one's update reaches the
        // table: the update is conditional on the ETag read, fails, and the row is decided again as stale.
        var newer = new Domain.Deadlines.Procedure
        {
            ProjectCode = School, ProcedureCode = "HC-01", Department = "housing", Status = Domain.Deadlines.ProcedureStatus.Rejected,
            AcceptedOn = new DateOnly(2026, 3, 2), CompletedOn = new DateOnly(2026, 3, 12), LimitDays = 15, HandlerEmail = "a@b.org",
            AsOf = new DateTimeOffset(2026, 3, 13, 0, 0, 0, TimeSpan.FromHours(8)),
        };
        TestPipeline? pipeline = null;
        var (armed, interleaved) = (false, false);
        static string? Body(Request request)
        {
            if (request.Content is null)
            {
                return null;
            }

            using var content = new MemoryStream();
            request.Content.WriteTo(content, default);
            return System.Text.Encoding.UTF8.GetString(content.ToArray());
        }

        var policy = new BeforeRequest(async request =>
        {
            // The update's write: a replace of the procedure's row, in its partition's batch.
            if (armed && !interleaved && Body(request) is { } body && body.Contains("PUT ", StringComparison.Ordinal)
                && body.Contains($"PartitionKey='{School}'", StringComparison.Ordinal))
            {
                interleaved = true;
                var other = new Azure.Data.Tables.TableClient(AzuriteFixture.ConnectionString, pipeline!.Storage.Names.ProceduresTable);
                await other.UpsertEntityAsync(
                    ProcedureEntity.From(newer, "housing/other.csv", new string('0', 64), 2),
                    Azure.Data.Tables.TableUpdateMode.Replace
                );
            }
        });
        await using var started = await TestPipeline.StartAsync(tablePolicy: policy);
        pipeline = started;
        string File(string status, string asOf, string completed) =>
            $"项目代码,审批事项,办理状态,受理日期,经办人邮箱,办结日期,数据日期\n{School},HC-01,{status},2026-03-02,a@b.org,{completed},{asOf}\n";
        await pipeline.IngestAsync("housing/10.csv", File("审查中", "2026-03-10", ""));
        armed = true;

        var receipt = await pipeline.IngestAsync("housing/12.csv", File("办结", "2026-03-12", "2026-03-12"));

        Assert.True(interleaved);
        Assert.Equal((0, 1), (receipt.Applied, receipt.Stale));
        var row = (await ProceduresAsync(pipeline))[$"{School}/HC-01"];
        Assert.Equal(("rejected", "housing/other.csv"), (row.Status, row.SourceBlob));
    }

    /// <summary>Runs an action before a request leaves for the table service: another writer at the HTTP boundary.</summary>
    private sealed class BeforeRequest(Func<Request, Task> action) : Azure.Core.Pipeline.HttpPipelinePolicy
    {
        public override void Process(HttpMessage message, ReadOnlyMemory<Azure.Core.Pipeline.HttpPipelinePolicy> pipeline) =>
            ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<Azure.Core.Pipeline.HttpPipelinePolicy> pipeline)
        {
            await action(message.Request);
            await ProcessNextAsync(message, pipeline);
        }
    }

    [Fact]
    public async Task Templates_follow_the_catalogue_and_a_template_reads_back_as_a_valid_file()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var publisher = pipeline.Get<TemplatePublisher>();

        // Two per department (xlsx, csv) and the DRC's register, progress and problem list (csv).
        Assert.Equal(15, await publisher.PublishIfChangedAsync(default));
        Assert.Equal(0, await publisher.PublishIfChangedAsync(default));
        var catalogue = pipeline.Storage.Config.GetBlobClient("catalogue.csv");
        var text = (await catalogue.DownloadContentAsync()).Value.Content.ToString();
        var added = "HC-09,消防验收,Fire safety acceptance,housing,4,20,10,,licence,working_days,《中华人民共和国行政许可法》第四十二条\n";
        await catalogue.UploadAsync(BinaryData.FromString(text + added), overwrite: true);
        Assert.Equal(15, await publisher.PublishIfChangedAsync(default));

        var xlsx = (await pipeline.Storage.Templates.GetBlobClient("housing.xlsx").DownloadContentAsync()).Value.Content.ToArray();
        var opened = SubmissionReader.Open("housing.xlsx", new MemoryStream(xlsx), new SubmissionLimits());
        var config = await pipeline.Get<Reference.ReferenceDataLoader>().LoadAsync(default);
        var example = new SubmissionValidator(config.Catalogue, "housing", DateTimeOffset.UnixEpoch).ValidateAll(opened.Rows);
        Assert.Equal($"Excel .xlsx，工作表 '{SubmissionTemplate.SheetName}'；Excel .xlsx, sheet '{SubmissionTemplate.SheetName}'", opened.Format.Both());
        Assert.Equal((1, 0), (example.Rows.Count, example.Errors.Count));
        var workbook = new System.IO.Compression.ZipArchive(new MemoryStream(xlsx));
        var procedures = new StreamReader(workbook.GetEntry("xl/worksheets/sheet2.xml")!.Open()).ReadToEnd();
        Assert.Contains("HC-09", procedures);
        Assert.DoesNotContain("NR-03", procedures);
    }
}
