using ApprovalWatch.Domain.Calendar;
using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Domain.Staff;
using ApprovalWatch.Pipeline.Storage;
using ApprovalWatch.Presentation.Digests;

namespace ApprovalWatch.Pipeline.Tests;

/// <summary>With 2027's holiday notices not loaded, the first scan of 2027 measures everything and marks what it reckoned.</summary>
[Collection(AzuriteCollection.Name)]
public class ProvisionalYearScanTests
{
    private const string Zhang = ScanAndSendTests.Zhang;

    [Fact]
    public async Task The_scan_measures_into_a_year_not_loaded_and_every_output_marks_it()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var monday = new DateOnly(2027, 1, 4);
        pipeline.Clock.Now = OfficeClock.At(monday, new TimeOnly(8, 0));
        await pipeline.IngestAsync(
            "housing/2026-12-04.csv",
            ScanAndSendTests.Header + $",limit_days\n2026-653001-48-01-00001X,阿图什市新城学校建设项目,阿图什市,HC-03,in_review,2026-12-04,{Zhang},2026-12-04,20\n"
        );

        var scan = await pipeline.ScanAsync(monday);

        Assert.Null(scan.Skipped);
        Assert.Empty(scan.Counts.Errors);
        var row = await pipeline.Storage.Procedures.GetEntityAsync<ProcedureEntity>("2026-653001-48-01-00001X", "HC-03");
        Assert.Equal(("yellow", "2027-01-04", true), (row.Value.Flag, row.Value.DueOn, row.Value.DueProvisional)); // 2027-01-01 reckoned 元旦
        var digest = await pipeline.Get<Scanning.DigestStore>().ReadAsync(monday, Zhang, default);
        Assert.True(Assert.Single(digest!.Lines).Provisional);
        Assert.Contains("暂定", DigestTemplates.BuiltIn.Render(digest, Language.Chinese).Text, StringComparison.Ordinal);
        var list = await pipeline.Board.GetAsync("/procedures?department=housing", Zhang);
        Assert.Contains("暂定", list.Text, StringComparison.Ordinal);
        var api = await pipeline.Board.GetAsync("/api/procedures?department=housing", Zhang);
        var apiRow = System.Text.Json.JsonDocument.Parse(api.Text).RootElement.GetProperty("rows")[0];
        Assert.True(apiRow.GetProperty("provisional").GetBoolean());
    }
}

/// <summary>A past day replayed from the stored facts: what that day's scan found, and nothing written.</summary>
[Collection(AzuriteCollection.Name)]
public class ReplayTests
{
    [Fact]
    public async Task A_past_day_replayed_from_the_stored_facts_equals_that_days_scan_and_writes_nothing()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        await pipeline.IngestAsync("housing/2026-03-13.csv", ScanAndSendTests.Housing);
        var monday = await pipeline.ScanAsync();
        var flagsThen = await pipeline
            .Storage.Procedures.QueryAsync<ProcedureEntity>()
            .ToDictionaryAsync(e => e.PartitionKey + e.RowKey, e => (e.Flag, e.DueOn));
        // Since then: the first finished, the second paused.
        await pipeline.IngestAsync(
            "housing/2026-03-18.csv",
            ScanAndSendTests.Header + ",completed_on,paused_from,limit_days\n"
                + $"2022-653001-48-01-00123X,阿图什市新城学校建设项目,阿图什市,HC-01,approved,2026-02-27,{ScanAndSendTests.Zhang},2026-03-18,2026-03-17,,10\n"
                + $"2023-653022-48-01-004175,阿克陶县城区基础设施配套建设项目,阿克陶县,HC-02,paused,2026-03-09,{ScanAndSendTests.Zhang},2026-03-18,,2026-03-17,\n"
        );
        pipeline.Clock.Now = OfficeClock.At(new DateOnly(2026, 3, 18), new TimeOnly(10, 0));
        await pipeline.ScanAsync(new DateOnly(2026, 3, 18));
        var history = await pipeline.Storage.History.QueryAsync<HistoryEntity>().CountAsync();

        var (replayed, digests) = await pipeline.Get<Scanning.DeadlineScanner>().ReplayAsync(TestPipeline.Monday, default);

        Assert.Equal(
            (monday.Count(Flag.Green), monday.Count(Flag.Yellow), monday.Count(Flag.Red)),
            (replayed.Count(Flag.Green), replayed.Count(Flag.Yellow), replayed.Count(Flag.Red))
        );
        var lines = digests.SelectMany(d => d.DistinctLines).DistinctBy(l => l.ProjectCode + l.ItemCode).ToList();
        Assert.All(lines.OfType<Domain.Digests.ProcedureLine>(), l =>
            Assert.Equal(flagsThen[l.ProjectCode + l.ItemCode], (l.Flag.Code(), Domain.Text.IsoDate.Format(l.DueOn)))
        );
        Assert.Equal(history, await pipeline.Storage.History.QueryAsync<HistoryEntity>().CountAsync()); // nothing written

        var output = new StringWriter();
        var settings = new Cli.CliSettings(AzuriteFixture.ConnectionString, TestPipeline.Monday, Path.GetTempPath(), false, pipeline.Storage.Names);
        Assert.Equal(0, await Cli.Commands.OperatorCommands.ReplayAsync(settings, output, default));
        Assert.Contains("red    2025-653024-50-02-123456 HC-01    due 2026-03-04: -8 working day(s) left", output.ToString());
    }
}

/// <summary>行政许可法 第三十二条 through the pipeline: a file says an application was received, the scan deems it accepted.</summary>
[Collection(AzuriteCollection.Name)]
public class DeemedAcceptanceTests
{
    [Fact]
    public async Task An_application_received_and_left_five_working_days_is_measured_from_the_day_received_and_said_so()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var receipt = await pipeline.IngestAsync(
            "housing/2026-03-13.csv",
            "project_code,project_name,county,procedure,status,accepted_on,handler_email,as_of,received_on\n"
                + $"2022-653001-48-01-00123X,阿图什市新城学校建设项目,阿图什市,HC-01,accepted,,{ScanAndSendTests.Zhang},2026-03-13,2026-02-13\n"
                + $"2023-653022-48-01-004175,阿克陶县城区基础设施配套建设项目,阿克陶县,HC-01,accepted,,{ScanAndSendTests.Zhang},2026-03-13,2026-03-12\n"
                // Received Friday 6 March: its five working days end on the 13th, so the law accepts it as of the scan of the 16th.
                + $"2024-653023-52-01-000882,阿合奇县乡村农贸市场建设项目,阿合奇县,HC-03,accepted,,{ScanAndSendTests.Zhang},2026-03-13,2026-03-06\n"
        );
        Assert.Equal((3, 0), (receipt.Applied, receipt.Rejected));

        await pipeline.ScanAsync();

        var rows = await pipeline.Storage.Procedures.QueryAsync<ProcedureEntity>().ToDictionaryAsync(e => e.PartitionKey[..4], e => e);
        Assert.Equal((true, "2026-03-12", "red"), (rows["2022"].DeemedAccepted, rows["2022"].DueOn, rows["2022"].Flag)); // 15 working days from 13 February
        Assert.Null(rows["2023"].DeemedAccepted); // received Thursday: its five working days not over
        var digest = await pipeline.Get<Scanning.DigestStore>().ReadAsync(TestPipeline.Monday, ScanAndSendTests.Zhang, default);
        var text = Presentation.Digests.DigestTemplates.BuiltIn.Render(digest!, Language.Chinese).Text;
        Assert.Contains("2026-02-13 收件，五个工作日内未受理也未一次性告知补正", text, StringComparison.Ordinal);
        Assert.Contains("视为受理", (await pipeline.Board.GetAsync("/procedures?department=housing", ScanAndSendTests.Zhang)).Text, StringComparison.Ordinal);
        var head = await pipeline.Get<Scanning.DigestStore>().ReadAsync(TestPipeline.Monday, "liu.jianguo@kizilsu.example.org", default);
        Assert.Contains(head!.DistinctLines, l => l.ItemCode == "HC-03:deemed"); // the head told the day it happens
        Assert.DoesNotContain(digest.DistinctLines, l => l.ItemCode.EndsWith(":deemed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_pre_filled_sheet_carries_a_pending_acceptance_and_each_running_reform_clock_even_once_approved()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        await pipeline.IngestAsync(
            "housing/2026-03-13.csv",
            "project_code,project_name,county,procedure,status,accepted_on,handler_email,as_of,received_on,materials_due_on,completed_on,verify_by\n"
                + $"2022-653001-48-01-00123X,阿图什市新城学校建设项目,阿图什市,HC-01,accepted,,{ScanAndSendTests.Zhang},2026-03-13,2026-03-12,,,\n"
                + $"2023-653022-48-01-004175,阿克陶县城区基础设施配套建设项目,阿克陶县,HC-03,in_review,2026-03-10,{ScanAndSendTests.Zhang},2026-03-13,,2026-03-20,,\n"
                // Approved on commitment, its verification still to come: open business, on the sheet.
                + $"2024-653023-48-01-004176,阿合奇县供热管网改造项目,阿合奇县,HC-02,approved,2026-03-02,{ScanAndSendTests.Zhang},2026-03-13,,,2026-03-06,2026-04-30\n"
                // Approved and done with: not on the sheet.
                + $"2021-653024-48-01-004177,乌恰县市政道路项目,乌恰县,HC-02,approved,2026-03-02,{ScanAndSendTests.Zhang},2026-03-13,,,2026-03-05,\n"
        );

        var (name, sheet) = await pipeline.Get<Ingestion.WeekSheets>().ProceduresAsync("housing", default);
        var back = await pipeline.IngestAsync("housing/" + name, sheet);

        Assert.Equal((3, 0, 3, 0), (back.Rows, back.Applied, back.Unchanged, back.Rejected));
        var rows = await pipeline.Storage.Procedures.QueryAsync<ProcedureEntity>().ToDictionaryAsync(e => e.PartitionKey[..4], e => e);
        Assert.Equal((true, "2026-03-12"), (rows["2022"].AcceptancePending, rows["2022"].ReceivedOn));
        Assert.Equal("2026-03-20", rows["2023"].MaterialsDueOn);
        Assert.Equal("2026-04-30", rows["2024"].VerifyBy);
    }
}

/// <summary>A breach is a fact: a pause reported after a procedure went red moves its due date, not the record that it was red.</summary>
[Collection(AzuriteCollection.Name)]
public class BreachTests
{
    [Fact]
    public async Task A_pause_reported_after_red_keeps_the_red_in_history_and_in_the_bulletin()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        await pipeline.IngestAsync("housing/2026-03-13.csv", ScanAndSendTests.Housing);
        await pipeline.ScanAsync(); // 2025 HC-01 red, 8 working days overdue
        await pipeline.IngestAsync(
            "housing/2026-03-17.csv",
            ScanAndSendTests.Header + ",paused_from,paused_to,pause_reason\n"
                + $"2025-653024-50-02-123456,乌恰县幼儿园项目,乌恰县,HC-01,in_review,2026-02-05,{ScanAndSendTests.Zhang},2026-03-17,2026-02-09,2026-03-13,专家评审\n"
        );
        var tuesday = new DateOnly(2026, 3, 17);
        pipeline.Clock.Now = OfficeClock.At(tuesday, new TimeOnly(10, 0));
        await pipeline.ScanAsync(tuesday);
        var april = new DateOnly(2026, 4, 1);
        pipeline.Clock.Now = OfficeClock.At(april, new TimeOnly(10, 0));
        await pipeline.ScanAsync(april);

        var flags = await pipeline
            .Storage.History.QueryAsync<HistoryEntity>(h => h.Kind == "flag" && h.PartitionKey == "2025-653024-50-02-123456" && h.Procedure == "HC-01")
            .OrderBy(h => h.At)
            .Select(h => (OfficeClock.DateOf(h.At), h.To))
            .ToListAsync();
        Assert.Equal([(TestPipeline.Monday, "red"), (tuesday, "green"), (april, "yellow")], flags); // red from when to when, kept
        var bulletin = System.Text.Json.JsonSerializer.Deserialize<Domain.Monthly.EfficiencyBulletin>(
            (await pipeline.Storage.Reports.GetBlobClient("monthly/2026-03.json").DownloadContentAsync()).Value.Content.ToString(),
            StorageJson.Options
        )!;
        Assert.Equal(4, bulletin.Departments.Single(d => d.Key == "housing").Figures.Red); // by their dates only three were red in March
    }
}

/// <summary>The reform clocks: 容缺受理's missing materials and 告知承诺制's verification, each late on its own day.</summary>
[Collection(AzuriteCollection.Name)]
public class ReformClockTests
{
    private const string Head = "liu.jianguo@kizilsu.example.org";
    private const string Leader = "zhao.deming@kizilsu.example.org";

    [Fact]
    public async Task Missing_materials_late_reach_the_handler_and_the_leader_and_an_unverified_commitment_the_department()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var receipt = await pipeline.IngestAsync(
            "housing/2026-03-13.csv",
            ScanAndSendTests.Header + ",completed_on,materials_due_on,materials_supplied_on,verify_by,verified_on\n"
                // Accepted with materials missing, due on the 12th, not supplied: its own clock green.
                + $"2024-653023-52-01-000882,阿合奇县乡村农贸市场建设项目,阿合奇县,HC-03,in_review,2026-03-10,{ScanAndSendTests.Zhang},2026-03-13,,2026-03-12,,,\n"
                // Approved on commitment, to be verified by the 11th: not verified.
                + $"2023-653022-48-01-004175,阿克陶县城区基础设施配套建设项目,阿克陶县,HC-02,approved,2026-03-02,{ScanAndSendTests.Zhang},2026-03-13,2026-03-05,,,2026-03-11,\n"
                // Supplied in time: nothing.
                + $"2022-653001-48-01-00123X,阿图什市新城学校建设项目,阿图什市,HC-03,in_review,2026-03-10,{ScanAndSendTests.Zhang},2026-03-13,,2026-03-12,2026-03-12,,\n"
        );
        Assert.Equal((3, 0), (receipt.Applied, receipt.Rejected));

        await pipeline.ScanAsync();

        async Task<List<string>> LinesOf(string email) =>
            (await pipeline.Get<Scanning.DigestStore>().ReadAsync(TestPipeline.Monday, email, default))?.DistinctLines.Select(l => l.ItemCode).ToList() ?? [];
        Assert.Equal(["HC-02:commitment", "HC-03:tolerance"], (await LinesOf(ScanAndSendTests.Zhang)).Order());
        Assert.Equal(["HC-03:tolerance"], await LinesOf(Leader));
        Assert.Equal(["HC-02:commitment"], await LinesOf(Head));
        var digest = await pipeline.Get<Scanning.DigestStore>().ReadAsync(TestPipeline.Monday, ScanAndSendTests.Zhang, default);
        var text = Presentation.Digests.DigestTemplates.BuiltIn.Render(digest!, Language.Chinese).Text;
        Assert.Contains("容缺受理，非主要申请材料应于 2026-03-12 前补齐", text, StringComparison.Ordinal);
        Assert.Contains("按告知承诺制审批，部门应于 2026-03-11 前完成核查", text, StringComparison.Ordinal);
        Assert.Empty(await pipeline.Get<Notices.NoticeBook>().ListAsync(2026, default)); // a reform clock calls for no notice
    }
}
