using ApprovalWatch.Testing;

namespace ApprovalWatch.Pipeline.Tests;

/// <summary>AB角: while a handler is away his lines go to his deputy (or his head), marked; a gap is the operator's to see.</summary>
[Collection(AzuriteCollection.Name)]
public class DeputyTests
{
    private const string Head = "liu.jianguo@kizilsu.example.org";

    [Fact]
    public async Task A_handler_away_has_his_lines_go_to_his_deputy_marked_and_a_gap_is_named_to_the_operator()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var directory = (await pipeline.Storage.Config.GetBlobClient("directory.csv").DownloadContentAsync()).Value.Content.ToString()
            .Replace("email,name,department,role,calendar,language", "email,name,department,role,calendar,language,deputy", StringComparison.Ordinal)
            .Replace($"{ScanAndSendTests.Zhang},张伟,housing,handler,kizilsu,zh", $"{ScanAndSendTests.Zhang},张伟,housing,handler,kizilsu,zh,wang.lei@kizilsu.example.org", StringComparison.Ordinal);
        await pipeline.Storage.Config.GetBlobClient("directory.csv").UploadAsync(BinaryData.FromString(directory), overwrite: true);
        await pipeline.Storage.Config.GetBlobClient("leave.csv").UploadAsync(BinaryData.FromString($"email,from,to\n{ScanAndSendTests.Zhang},2026-03-16,2026-03-20\n"), overwrite: true);
        await pipeline.IngestAsync("housing/2026-03-13.csv", ScanAndSendTests.Housing);

        var scan = await pipeline.ScanAsync();

        var digests = pipeline.Get<Scanning.DigestStore>();
        Assert.DoesNotContain(scan.Digests, d => d.RecipientEmail == ScanAndSendTests.Zhang); // nobody's alert waits for a person on leave
        var deputy = await digests.ReadAsync(TestPipeline.Monday, "wang.lei@kizilsu.example.org", default);
        Assert.Contains(deputy.Lines, l => l is Domain.Digests.ProcedureLine { HandlerEmail: ScanAndSendTests.Zhang });
        Assert.Contains(deputy.Notes, n => n.StartsWith("代 张伟", StringComparison.Ordinal));

        await pipeline.Storage.Config.GetBlobClient("leave.csv").UploadAsync(BinaryData.FromString(
            $"email,from,to\n{ScanAndSendTests.Zhang},2026-03-16,2026-03-20\nwang.lei@kizilsu.example.org,2026-03-16,2026-03-16\n{Head},2026-03-16,2026-03-16\nzhao.deming@kizilsu.example.org,2026-03-16,2026-03-16\n"), overwrite: true);
        var report = await pipeline.Get<Operations.OperatorReportBuilder>().BuildAsync(TestPipeline.Monday, default);
        Assert.Contains(report.Uncovered, u => u.Contains(ScanAndSendTests.Zhang, StringComparison.Ordinal)); // deputy, head and leader away: the gap is named
    }

    [Fact]
    public async Task A_contact_away_has_his_receipts_go_to_whoever_stands_in()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        await pipeline.Storage.Config.GetBlobClient("leave.csv").UploadAsync(BinaryData.FromString($"email,from,to\n{SubmitTests.Clerk},2026-03-01,2026-03-31\n"), overwrite: true);

        await pipeline.IngestAsync("housing/2026-03-13.csv", SubmitTests.Mixed); // a row refused: the receipt is mailed
        await pipeline.NotifyPump().DrainAsync(default);

        Assert.DoesNotContain(pipeline.Mail.Received, m => m.To == SubmitTests.Clerk);
        Assert.Contains(pipeline.Mail.Received, m => m.To == Head && m.Subject.Contains("报送回执", StringComparison.Ordinal)); // ma.li names no deputy: his head
    }
}
