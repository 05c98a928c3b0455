using ApprovalWatch.Domain.Calendar;
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
