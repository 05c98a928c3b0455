using ApprovalWatch.Testing;
using ApprovalWatch.Domain.Digests;
using ApprovalWatch.Pipeline.Operations;
using ApprovalWatch.Pipeline.Reference;
using ApprovalWatch.Pipeline.Scanning;
using ApprovalWatch.Presentation.Digests;

namespace ApprovalWatch.Pipeline.Tests;

/// <summary>What the day's digests say across days, whom they reach when a handler is unknown, and the operator's ladder and templates.</summary>
[Collection(AzuriteCollection.Name)]
public class DigestPipelineTests
{
    private const string Head = "liu.jianguo@kizilsu.example.org";

    private static async Task<Digest> DigestAsync(TestPipeline pipeline, DateOnly day, string recipient) =>
        await pipeline.Get<DigestStore>().ReadAsync(day, recipient, default);

    [Fact]
    public async Task Each_days_digest_marks_what_is_new_worse_still_open_and_resolved_since_the_one_before()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        await pipeline.IngestAsync("housing/2026-03-13.csv", ScanAndSendTests.Housing);
        var (monday, tuesday, wednesday) = (TestPipeline.Monday, TestPipeline.Monday.AddDays(1), TestPipeline.Monday.AddDays(2));

        await pipeline.ScanAsync(monday);
        pipeline.Clock.Now = pipeline.Clock.Now.AddDays(1);
        await pipeline.ScanAsync(tuesday);
        pipeline.Clock.Now = pipeline.Clock.Now.AddDays(1);
        await pipeline.IngestAsync("housing/2026-03-18.csv", string.Join('\n', ScanAndSendTests.Header + ",completed_on",
            $"2022-653001-48-01-00123X,阿图什市新城学校建设项目,阿图什市,HC-01,approved,2026-02-13,{ScanAndSendTests.Zhang},2026-03-18,2026-03-17", ""));
        await pipeline.ScanAsync(wednesday);

        var first = await DigestAsync(pipeline, monday, ScanAndSendTests.Zhang);
        var second = await DigestAsync(pipeline, tuesday, ScanAndSendTests.Zhang);
        var third = await DigestAsync(pipeline, wednesday, ScanAndSendTests.Zhang);
        Assert.All(first.DistinctLines, l => Assert.Equal(LineChange.New, first.ChangeOf(l)));
        Assert.All(second.DistinctLines, l => Assert.Equal(LineChange.StillOpen, second.ChangeOf(l)));
        Assert.Equal(["HC-01"], third.Resolved.Select(r => r.ItemCode));
        Assert.DoesNotContain(third.DistinctLines, l => l.ItemCode == "HC-01");
        var head = await DigestAsync(pipeline, wednesday, Head);
        Assert.Contains(head.Resolved, r => r.ItemCode == "HC-01");
    }

    [Fact]
    public async Task A_run_again_the_same_day_on_changed_data_keeps_what_was_sent_as_the_recipients_memory()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        await pipeline.IngestAsync("housing/2026-03-13.csv", ScanAndSendTests.Housing);
        await pipeline.ScanAsync();
        var sent = await DigestAsync(pipeline, TestPipeline.Monday, ScanAndSendTests.Zhang);
        await pipeline.IngestAsync("housing/2026-03-16.csv", string.Join('\n', ScanAndSendTests.Header + ",completed_on",
            $"2022-653001-48-01-00123X,阿图什市新城学校建设项目,阿图什市,HC-01,approved,2026-02-13,{ScanAndSendTests.Zhang},2026-03-16,2026-03-16", ""));

        var again = await pipeline.ScanAsync();

        Assert.True(again.AlreadyNotified > 0);
        var memory = await pipeline.Get<Scanning.DigestStore>().ReadMemoryAsync(ScanAndSendTests.Zhang, default);
        Assert.Contains(sent.DistinctLines, l => l.ItemCode == "HC-01");
        Assert.Equal(sent.DistinctLines.Select(l => l.ItemCode).Order(), memory!.Items.Select(i => i.ItemCode).Order());
    }

    [Fact]
    public async Task A_procedure_whose_handler_is_missing_or_unknown_reaches_the_department_head_and_the_receipt_says_so()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var receipt = await pipeline.IngestAsync("housing/2026-03-13.csv", string.Join('\n', ScanAndSendTests.Header,
            "2022-653001-48-01-00123X,阿图什市新城学校建设项目,阿图什市,HC-01,in_review,2026-02-13,,2026-03-13",
            "2023-653022-48-01-004175,阿克陶县城区基础设施配套建设项目,阿克陶县,HC-02,in_review,2026-03-09,new.clerk@kizilsu.example.org,2026-03-13", ""));

        Assert.Equal(2, receipt.Applied);
        Assert.Contains(receipt.Notes, n => n.Both().Contains("1 row(s) name no handler", StringComparison.Ordinal));
        Assert.Contains(receipt.Notes, n => n.Both().Contains("new.clerk@kizilsu.example.org is not in the directory", StringComparison.Ordinal));
        var scan = await pipeline.ScanAsync();
        var head = scan.Digests.Single(d => d.RecipientEmail == Head);
        Assert.Contains((DigestReason.NoKnownHandler, 2), head.Sections);
        Assert.Contains(scan.Digests, d => d.RecipientEmail == "new.clerk@kizilsu.example.org");
    }

    [Fact]
    public async Task A_bad_ladder_or_template_is_reported_and_the_last_good_one_stays_in_force()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var loader = pipeline.Get<ReferenceDataLoader>();
        var ladder = pipeline.Storage.Config.GetBlobClient(EscalationLadderFile.BlobName);
        var template = pipeline.Storage.Config.GetBlobClient(DigestTemplates.TextBlob);

        await ladder.UploadAsync(
            BinaryData.FromString(
                """{ "rungs": [ { "overdueDays": 0, "notify": ["handler"] }, { "overdueDays": 2, "notify": ["handler", "head"] } ] }"""
            ),
            overwrite: true
        );
        await template.UploadAsync(BinaryData.FromString("{{ greeting }} {{ summary.red }}"), overwrite: true);
        var good = await loader.LoadAsync(default);
        var goodTemplates = await loader.TemplatesAsync(default);
        Assert.Equal(2, good.Ladder.Rungs[1].OverdueDays);
        Assert.NotSame(DigestTemplates.BuiltIn, goodTemplates);
        Assert.Empty(good.Problems);

        await ladder.UploadAsync(BinaryData.FromString("""{ "rungs": [ { "overdueDays": 3, "notify": ["handler"] } ] }"""), overwrite: true);
        await template.UploadAsync(BinaryData.FromString("{% for x in %}"), overwrite: true);
        var bad = await loader.LoadAsync(default);

        Assert.Same(good.Ladder, bad.Ladder);
        Assert.Same(goodTemplates, await loader.TemplatesAsync(default));
        Assert.Equal(2, bad.Problems.Count);
        var report = await pipeline.Get<OperatorReportBuilder>().BuildAsync(TestPipeline.Monday, default);
        Assert.Contains(report.RefusedConfiguration, p =>
            p.Contains("escalation.json", StringComparison.Ordinal) && p.Contains("last good ladder stays in force", StringComparison.Ordinal)
        );
        Assert.Contains(report.RefusedConfiguration, p => p.Contains("digest.txt.liquid does not parse", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_operators_ladder_decides_who_hears_of_a_procedure()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        await pipeline
            .Storage.Config.GetBlobClient(EscalationLadderFile.BlobName)
            .UploadAsync(
                BinaryData.FromString(
                    """
                    { "rungs": [ { "overdueDays": 0, "notify": ["handler"] }, { "overdueDays": 3, "notify": ["handler", "head"] } ],
                      "climb": { "yellowPeriods": 0, "overdueWeeks": 0 } }
                    """
                ),
                overwrite: true
            );
        await pipeline.IngestAsync("housing/2026-03-13.csv", ScanAndSendTests.Housing);

        var scan = await pipeline.ScanAsync();

        // HC-01 of Zhang is 2 days overdue: below the head's rung now; Ayigul's is 8 days overdue and past the statutory limit.
        var head = scan.Digests.Single(d => d.RecipientEmail == Head);
        Assert.Equal([(DigestReason.DepartmentHead, 1)], head.Sections);
        Assert.DoesNotContain(scan.Digests, d =>
            d.RecipientEmail == "xu.ming@kizilsu.example.org" && d.Sections.Any(s => s.Reason == DigestReason.Coordinator)
        );
    }
}
