using System.Net;
using ApprovalWatch.Cli.Commands;
using ApprovalWatch.Pipeline.Operations;
using ApprovalWatch.Pipeline.Storage;
using Azure.Storage.Queues;

namespace ApprovalWatch.Pipeline.Tests;

/// <summary>Failures of every kind reach the operator once a working day, and <c>approvalwatch status</c> prints the same at any time.</summary>
[Collection(AzuriteCollection.Name)]
public class OperatorReportTests
{
    private const string Operator = "ops@kizilsu.example.org";

    /// <summary>A refused file, a poisoned message and a digest SendGrid refuses, on Monday 16 March.</summary>
    private static async Task<TestPipeline> TroubledDayAsync()
    {
        var pipeline = await TestPipeline.StartAsync();
        await pipeline.IngestAsync("housing/2026-03-13.csv", ScanAndSendTests.Housing);
        await pipeline.IngestAsync("housing/scan.pdf", "%PDF-1.4 not a department file");
        await new QueueClient(AzuriteFixture.ConnectionString, pipeline.Storage.Names.IngestQueue).SendMessageAsync("not base64 {}");
        await pipeline.IngestPump().DrainAsync(default);
        pipeline.Mail.FailNext(1, HttpStatusCode.BadRequest, to: ScanAndSendTests.Zhang);
        await pipeline.ScanAsync();
        await pipeline.NotifyPump().DrainAsync(default, TimeSpan.FromSeconds(1));
        return pipeline;
    }

    [Fact]
    public async Task The_operator_gets_one_report_naming_every_failure_and_status_says_the_same()
    {
        await using var pipeline = await TroubledDayAsync();

        var report = await pipeline.Get<OperatorReportBuilder>().BuildAsync(TestPipeline.Monday, default);
        Assert.Equal("housing/scan.pdf", Assert.Single(report.RefusedFiles).File);
        Assert.Equal(($"{pipeline.Storage.Names.IngestQueue}-poison", 1), (Assert.Single(report.Poisoned).Queue, report.Poisoned[0].Count));
        var failed = Assert.Single(report.Deliveries);
        Assert.Equal((NotificationEntity.Failed, "2026-03-16"), (failed.State, failed.Date));
        Assert.Contains("400", failed.Reason);

        var mail = Assert.Single(pipeline.Mail.Received, m => m.To == Operator);
        Assert.Contains("housing/scan.pdf", mail.Text);
        Assert.Contains("not base64 {}", mail.Text);

        await pipeline.ScanAsync(); // a second run the same day
        await pipeline.NotifyPump().DrainAsync(default, TimeSpan.FromSeconds(1));
        Assert.Single(pipeline.Mail.Received, m => m.To == Operator);

        var output = new StringWriter();
        var exit = await OperatorCommands.StatusAsync(
            new Cli.CliSettings(AzuriteFixture.ConnectionString, TestPipeline.Monday, Path.GetTempPath(), false, pipeline.Storage.Names),
            output,
            default
        );
        Assert.Equal(3, exit);
        Assert.Contains("housing/scan.pdf", output.ToString());
        Assert.Contains(failed.Recipient, output.ToString());
    }

    [Fact]
    public async Task A_day_without_failures_sends_the_operator_nothing()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        await pipeline.IngestAsync("housing/2026-03-13.csv", ScanAndSendTests.Housing);

        await pipeline.ScanAsync();
        await pipeline.NotifyPump().DrainAsync(default);

        Assert.True((await pipeline.Get<OperatorReportBuilder>().BuildAsync(TestPipeline.Monday, default)).IsEmpty);
        Assert.DoesNotContain(pipeline.Mail.Received, m => m.To == Operator);
    }
}
