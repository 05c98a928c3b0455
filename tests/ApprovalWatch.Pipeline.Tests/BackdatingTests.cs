using ApprovalWatch.Testing;
using ApprovalWatch.Pipeline.Storage;

namespace ApprovalWatch.Pipeline.Tests;

/// <summary>A completion dated before a file that showed the procedure open is kept with its date and recorded as back-dated, whichever file came
/// first.</summary>
[Collection(AzuriteCollection.Name)]
public class BackdatingTests
{
    private const string Project = "2022-653001-48-01-00123X";

    private static readonly string Open =
        ScanAndSendTests.Header + ",completed_on\n" + $"{Project},学校,阿图什市,HC-01,in_review,2026-02-13,{ScanAndSendTests.Zhang},2026-03-06,\n";
    private static readonly string Done =
        ScanAndSendTests.Header
        + ",completed_on\n"
        + $"{Project},学校,阿图什市,HC-01,approved,2026-02-13,{ScanAndSendTests.Zhang},2026-03-13,2026-03-04\n";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_completion_dated_before_a_report_that_showed_it_open_is_flagged_in_either_order(bool completionFirst)
    {
        await using var pipeline = await TestPipeline.StartAsync();

        var first = await pipeline.IngestAsync(completionFirst ? "housing/done.csv" : "housing/open.csv", completionFirst ? Done : Open);
        var second = await pipeline.IngestAsync(completionFirst ? "housing/open.csv" : "housing/done.csv", completionFirst ? Open : Done);

        Assert.DoesNotContain(first.Notes, n => n.Both().Contains("2026-03-04", StringComparison.Ordinal));
        Assert.Contains(second.Notes, n =>
            n.Chinese().Contains("办结日期 2026-03-04 早于 housing/open.csv（数据日期 2026-03-06，上传人 —）", StringComparison.Ordinal)
            && n.Chinese().Contains("（housing/done.csv，上传人 —）", StringComparison.Ordinal)
        );
        var row = (await pipeline.Storage.Procedures.GetEntityAsync<ProcedureEntity>(Project, "HC-01")).Value;
        Assert.Equal("2026-03-04", row.CompletedOn); // the law counts the reported date
        var late = Assert.Single(await pipeline.Storage.History.QueryAsync<HistoryEntity>(h => h.Kind == "backdated").ToListAsync());
        Assert.Equal(("file=housing/open.csv; as_of=2026-03-06", "file=housing/done.csv; completed=2026-03-04"), (late.From, late.To));

        var report = (await pipeline.Functions.WeeklyReportAsync(new Domain.Weekly.ReportWeek(2026, 12), default)).Report;
        var listed = Assert.Single(report.LateReports);
        Assert.Equal(
            ("HC-01", "housing/open.csv", "housing/done.csv", new DateOnly(2026, 3, 4)),
            (listed.Procedure, listed.EarlierFile, listed.File, listed.Reported)
        );
    }
}
