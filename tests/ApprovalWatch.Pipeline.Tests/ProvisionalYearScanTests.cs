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
