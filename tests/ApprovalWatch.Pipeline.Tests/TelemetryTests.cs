using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using ApprovalWatch.Pipeline.Telemetry;
using Azure.Storage.Queues;

namespace ApprovalWatch.Pipeline.Tests;

/// <summary>The worker reports each run's business counts, which the alert rules outside the app read (#33).</summary>
[Collection(AzuriteCollection.Name)]
public class TelemetryTests
{
    private sealed record Measurement(string Name, long Value, IReadOnlyDictionary<string, object?> Tags);

    private static MeterListener Listen(PipelineMetrics metrics, ConcurrentQueue<Measurement> seen)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (ReferenceEquals(instrument.Meter.Scope, metrics))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>(
            (instrument, value, tags, _) => seen.Enqueue(new Measurement(instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)))
        );
        listener.Start();
        return listener;
    }

    private static long Sum(IEnumerable<Measurement> seen, string name, string? tag = null, string? value = null) =>
        seen.Where(m => m.Name == name && (tag is null || Equals(m.Tags.GetValueOrDefault(tag), value))).Sum(m => m.Value);

    [Fact]
    public async Task A_days_run_reports_what_it_measured_queued_sent_and_what_failed_and_waits()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var seen = new ConcurrentQueue<Measurement>();
        using var listener = Listen(pipeline.Get<PipelineMetrics>(), seen);

        await pipeline.IngestAsync("housing/2026-03-13.csv", ScanAndSendTests.Housing);
        await pipeline.IngestAsync("housing/scan.pdf", "%PDF-1.4 not a department file");
        await new QueueClient(AzuriteFixture.ConnectionString, pipeline.Storage.Names.IngestQueue).SendMessageAsync("not base64 {}");
        await pipeline.IngestPump().DrainAsync(default);
        pipeline.Mail.FailNext(1, HttpStatusCode.BadRequest, to: ScanAndSendTests.Zhang);
        var scanned = await pipeline.ScanAsync();
        await pipeline.NotifyPump().DrainAsync(default, TimeSpan.FromSeconds(1));
        await pipeline.Functions.GatherSubmissionsAsync(default);
        await pipeline.Functions.ScanDeadlinesAsync(new DateOnly(2026, 3, 21), default); // a Saturday

        Assert.Equal(1, Sum(seen, PipelineMetrics.ScanRuns, "outcome", "finished"));
        Assert.Equal(1, Sum(seen, PipelineMetrics.ScanRuns, "outcome", "day_off"));
        Assert.Equal(scanned.Counts.Procedures, Sum(seen, PipelineMetrics.ProceduresMeasured));
        Assert.True(scanned.Counts.Procedures > 0);
        Assert.Equal(scanned.Count(Domain.Deadlines.Flag.Red), Sum(seen, PipelineMetrics.ProceduresFlagged, "flag", "red"));
        Assert.Equal(scanned.Queued, Sum(seen, PipelineMetrics.DigestsQueued));
        Assert.Equal(1, Sum(seen, PipelineMetrics.MailFailed, "kind", "digest"));
        Assert.Equal(
            pipeline.Mail.Received.Count,
            seen.Where(m => m.Name == PipelineMetrics.MailSent).Sum(m => m.Value)
        );
        Assert.Equal(1, Sum(seen, PipelineMetrics.Ingestions, "status", Domain.Receipts.Receipt.AppliedStatus));
        Assert.Equal(1, Sum(seen, PipelineMetrics.Ingestions, "status", Domain.Receipts.Receipt.UnreadableStatus));
        Assert.Equal(1, seen.Last(m => m.Name == PipelineMetrics.PoisonMessages).Value);
        Assert.Equal(0, seen.Last(m => m.Name == PipelineMetrics.StalledIngestions).Value);
    }
}
