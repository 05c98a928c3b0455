using ApprovalWatch.Testing;
using ApprovalWatch.Pipeline.Ingestion;
using ApprovalWatch.Pipeline.Storage;

namespace ApprovalWatch.Pipeline.Tests;

/// <summary>A scan that cannot see the whole day says so: missed daily runs, files still being applied.</summary>
[Collection(AzuriteCollection.Name)]
public class ScanGapTests
{
    [Fact]
    public async Task A_scan_after_missed_working_days_records_them_and_every_digest_names_them()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        await pipeline.IngestAsync("housing/2026-03-13.csv", ScanAndSendTests.Housing);

        var first = await pipeline.ScanAsync(TestPipeline.Monday);
        var thursday = await pipeline.ScanAsync(new DateOnly(2026, 3, 19)); // the timer missed Tuesday and Wednesday

        Assert.Empty(first.MissedDays);
        Assert.Equal([new DateOnly(2026, 3, 17), new DateOnly(2026, 3, 18)], thursday.MissedDays);
        Assert.NotEmpty(thursday.Digests);
        Assert.All(thursday.Digests, d => Assert.Contains("2026-03-17、2026-03-18", Assert.Single(d.Notes).Both()));
        var record = (await pipeline.Storage.Scans.GetEntityAsync<ScanRecordEntity>(ScanRecordEntity.Partition, "2026-03-19")).Value;
        Assert.Equal("2026-03-17,2026-03-18", record.Missed);
        Assert.Empty((await pipeline.ScanAsync(new DateOnly(2026, 3, 20))).MissedDays); // the gap was told once
    }

    [Fact]
    public async Task A_scan_that_meets_a_file_being_applied_waits_then_names_it_in_the_departments_digests()
    {
        await using var pipeline = await TestPipeline.StartAsync(new Dictionary<string, string?> { ["Scan:WaitForApplyingSeconds"] = "1" });
        await pipeline.IngestAsync("housing/2026-03-13.csv", ScanAndSendTests.Housing);
        var etag = await pipeline.DropAsync("housing/2026-03-16.csv", ScanAndSendTests.Housing);
        await using var hold = await pipeline.Get<IngestClaims>().HoldAsync("housing/2026-03-16.csv", etag.ToString(), default);

        var scan = await pipeline.ScanAsync();

        Assert.Equal([("housing", "housing/2026-03-16.csv")], scan.Applying);
        var handler = scan.Digests.Single(d => d.RecipientEmail == ScanAndSendTests.Zhang);
        Assert.Contains("housing/2026-03-16.csv", Assert.Single(handler.Notes).Both());
        await pipeline.NotifyPump().DrainAsync(default);
        Assert.Contains("housing/2026-03-16.csv", pipeline.Mail.Received.Single(m => m.To == ScanAndSendTests.Zhang).Text);
    }
}
