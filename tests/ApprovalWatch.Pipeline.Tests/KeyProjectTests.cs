using ApprovalWatch.Testing;
using ApprovalWatch.Domain.Weekly;
using ApprovalWatch.Pipeline.KeyProjects;
using ApprovalWatch.Pipeline.Storage;
using Azure.Data.Tables;

namespace ApprovalWatch.Pipeline.Tests;

[Collection(AzuriteCollection.Name)]
public class KeyProjectTests
{
    private const string Register = """
        项目代码,项目名称,县市,项目性质,总投资（万元）,年度计划投资（万元）,计划开工,实际开工,包联领导,责任单位
        2026-653001-48-01-00123X,阿图什市新城学校,阿图什市,新开工,"3,000",1000.5,2026-02,2026-02-20,zhao.deming@kizilsu.example.org,住房和城乡建设局
        2026-653022-48-01-004175,阿克陶县道路,阿克陶县,续建,5000,2000,,,zhou.lixin@kizilsu.example.org,natural-resources
        2026-653022-48-01-00417X,阿克陶县错县,阿图什市,续建,5000,2000,,,zhou.lixin@kizilsu.example.org,natural-resources
        2026-653022-48-01-00417Y,阿克陶县负数,阿克陶县,续建,5000,-1,,,zhou.lixin@kizilsu.example.org,natural-resources
        2026-653022-48-01-00417Z,阿克陶县无领导,阿克陶县,续建,5000,100,,,nobody@kizilsu.example.org,natural-resources
        2026-99-01,坏代码,阿克陶县,储备,5000,100,,,zhou.lixin@kizilsu.example.org,natural-resources
        """;

    private const string Progress = """
        project_code,reported_on,ytd_completed_wan,physical_progress
        2026-653001-48-01-00123X,2026-03-06,300,基础施工
        2026-653022-48-01-004175,2026-03-06,900,路基
        2026-653022-48-01-004175,2026-03-13,800,路面
        """;

    [Fact]
    public async Task Register_rows_are_validated_like_procedure_rows_and_rejected_rows_go_back_in_the_receipt()
    {
        await using var pipeline = await TestPipeline.StartAsync();

        var receipt = await pipeline.IngestAsync("development-reform/register.csv", Register);

        Assert.Equal((6, 2, 4), (receipt.Rows, receipt.Applied, receipt.Rejected));
        Assert.Contains(receipt.Errors, e => e.Line == 4 && e.Column.Contains("county", StringComparison.Ordinal));
        Assert.Contains(receipt.Errors, e => e.Line == 5 && e.Column.Contains("annual_plan_wan", StringComparison.Ordinal));
        Assert.Contains(receipt.Errors, e => e.Line == 6 && e.Column.Contains("leader_email", StringComparison.Ordinal));
        Assert.Contains(receipt.Errors, e => e.Line == 7 && e.Column.Contains("project_code", StringComparison.Ordinal));
        var stored = await pipeline.Storage.KeyProjects.GetEntityAsync<KeyProjectEntity>("2026-653001-48-01-00123X", KeyProjectEntity.RegisterKey);
        Assert.Equal(("1000.5", "3000", "housing"), (stored.Value.AnnualPlan, stored.Value.TotalInvestment, stored.Value.ResponsibleUnit));

        var elsewhere = await pipeline.IngestAsync("finance/register.csv", Register);
        Assert.Equal(Domain.Receipts.Receipt.UnreadableStatus, elsewhere.Status); // the register is the DRC's to keep
    }

    [Fact]
    public async Task The_registers_leader_in_charge_gets_his_projects_lines_and_an_overdue_problem_climbs_the_ladder()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        await pipeline.IngestAsync("housing/2026-03-13.csv", ScanAndSendTests.Housing);
        await pipeline.IngestAsync("development-reform/register.csv", """
            project_code,project_name,county,nature,total_investment_wan,annual_plan_wan,leader_email,responsible_unit
            2025-653024-50-02-123456,乌恰县幼儿园项目,乌恰县,continuing,900,300,zhou.lixin@kizilsu.example.org,housing
            2022-653001-48-01-00123X,阿图什市新城学校建设项目,阿图什市,continuing,9000,3000,zheng.hai@kizilsu.example.org,housing
            """);
        var problems = await pipeline.IngestAsync("development-reform/problems.csv", """
            项目代码,问题编号,问题描述,责任部门,提出日期,办理时限（工作日）
            2022-653001-48-01-00123X,WT-1,施工图审查意见未回复,住房和城乡建设局,2026-02-24,5
            """);
        Assert.Equal(1, problems.Applied);

        var scan = await pipeline.ScanAsync();

        var digests = pipeline.Get<Scanning.DigestStore>();
        var registered = await digests.ReadAsync(TestPipeline.Monday, "zhou.lixin@kizilsu.example.org", default);
        // 8 days overdue: the leader rung, his project.
        Assert.Contains(registered.Lines, l => l.ProjectCode == "2025-653024-50-02-123456" && l.ItemCode == "HC-01");
        // The department's leader: both projects have their own.
        Assert.DoesNotContain(scan.Digests, d => d.RecipientEmail == "zhao.deming@kizilsu.example.org");
        var head = await digests.ReadAsync(TestPipeline.Monday, "liu.jianguo@kizilsu.example.org", default);
        // Due 2 March (Saturday 28 February is worked): 10 working days past by 16 March.
        var problem = Assert.IsType<Domain.Digests.ProblemLine>(head.Lines.Single(l => l.ItemCode == "problem|WT-1"));
        Assert.Equal((Domain.Deadlines.Flag.Red, -10), (problem.Flag, problem.WorkingDaysLeft));
        var leader = await digests.ReadAsync(TestPipeline.Monday, "zheng.hai@kizilsu.example.org", default);
        Assert.Contains(leader.Lines, l => l.ItemCode == "problem|WT-1");
    }

    [Fact]
    public async Task The_same_week_twice_archives_the_same_files_and_queues_one_mail_per_reader()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        await pipeline.IngestAsync("development-reform/register.csv", Register);
        var progress = await pipeline.IngestAsync("development-reform/progress.csv", Progress);
        // Lowered: kept and told.
        Assert.Contains(progress.Notes, n => n.Both().Contains("800", StringComparison.Ordinal) && n.Both().Contains("900", StringComparison.Ordinal));

        var first = await pipeline.Functions.WeeklyReportAsync(new ReportWeek(2026, 12), default);
        var again = await pipeline.Functions.WeeklyReportAsync(new ReportWeek(2026, 12), default);

        Assert.Equal((2, 3000.5m, 1100m), (first.Report.Headline.Projects, first.Report.Headline.PlannedWan, first.Report.Headline.CompletedWan));
        Assert.Single(first.Report.Lowered);
        Assert.True(first.Queued > 5, $"{first.Queued} queued");
        Assert.Equal(0, again.Queued);
        Assert.Equal(first.Queued + 1, await pipeline.CountAsync(pipeline.Storage.NotifyQueue)); // and the register's receipt to the DRC contact
        var ledger = await pipeline.Storage.NotificationLedger.QueryAsync<TableEntity>(e => e.PartitionKey == "2026-03-16").ToListAsync();
        Assert.Equal(first.Queued, ledger.Count(e => e.RowKey.StartsWith("weekly|", StringComparison.Ordinal)));
        foreach (var (name, content) in first.Files)
        {
            var archived = await pipeline.Storage.Reports.GetBlobClient(WeeklyReports.Folder + name).DownloadContentAsync();
            Assert.Equal(again.Files[name], archived.Value.Content.ToArray());
            Assert.NotEmpty(content);
        }

        await pipeline.NotifyPump().DrainAsync(default);
        await pipeline.Functions.WeeklyReportAsync(new ReportWeek(2026, 12), default); // the timer firing late, or twice
        await pipeline.NotifyPump().DrainAsync(default);
        var weekly = pipeline.Mail.Received.Where(m => m.Subject.StartsWith("克州重点项目周调度 2026-W12", StringComparison.Ordinal)).ToList();
        Assert.Equal(first.Recipients.Order(), weekly.Select(m => m.To).Order()); // one mail per reader

        var mail = await pipeline.Get<WeeklyReports>().RenderMailAsync("2026-W12", Domain.Staff.Language.Chinese, null, default);
        Assert.Contains("cid:county.png", mail.Html);
        Assert.Contains(mail.Attachments, a => a.FileName.EndsWith(".xlsx", StringComparison.Ordinal) && a.ContentId is null);
    }

    [Fact]
    public async Task An_implausible_progress_row_is_applied_and_its_receipt_says_why_it_is_doubted()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        await pipeline.IngestAsync("development-reform/register.csv", Register);

        var receipt = await pipeline.IngestAsync("development-reform/progress.csv", """
            project_code,reported_on,ytd_completed_wan,physical_progress
            2026-653001-48-01-00123X,2026-03-13,3500,主体结构
            2026-653022-48-01-004175,2026-03-13,900,路基
            """);

        Assert.Equal((2, 0), (receipt.Applied, receipt.Rejected));
        var doubt = Assert.Single(receipt.Notes, n => n.Both().Contains("to be checked", StringComparison.Ordinal));
        Assert.StartsWith("第 2 行：2026-653001-48-01-00123X 本年完成投资 3500 万元超过总投资 3000 万元", doubt.Chinese());
    }

    [Fact]
    public async Task Months_weights_in_config_set_the_pace_and_the_report_says_so_and_a_bad_file_leaves_the_working_day_pace()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        await pipeline.IngestAsync("development-reform/register.csv", Register);
        var weights = "month,weight\n" + string.Concat(Enumerable.Range(1, 12).Select(m => $"{m},{(m <= 2 ? 0 : 10)}\n"));
        await pipeline.Storage.Config.GetBlobClient(Domain.Weekly.PaceCurve.BlobName).UploadAsync(BinaryData.FromString(weights), overwrite: true);

        var curved = (await pipeline.Functions.WeeklyReportAsync(new ReportWeek(2026, 12), default)).Report.Headline;

        Assert.Equal(PaceRule.Curve, curved.PaceRule);
        Assert.True(curved.Pace < 0.06m, $"{curved.Pace}"); // 10 of March's 21 Xinjiang working days of its tenth, nothing for winter
        await pipeline
            .Storage.Config.GetBlobClient(Domain.Weekly.PaceCurve.BlobName)
            .UploadAsync(BinaryData.FromString("month,weight\n13,1\n"), overwrite: true);
        var reference = await pipeline.Get<Reference.ReferenceDataLoader>().LoadAsync(default);
        Assert.Contains(reference.Problems, p => p.Contains("pace.csv", StringComparison.Ordinal));
        Assert.NotNull(reference.Pace); // the last good weights stay in force
    }
}
