using System.Text.Json;
using ApprovalWatch.Domain.Monthly;
using ApprovalWatch.Pipeline.Storage;

namespace ApprovalWatch.Pipeline.Tests;

/// <summary>效能通报: the day's scan on a month's first working day publishes last month's bulletin, archived and mailed once.</summary>
[Collection(AzuriteCollection.Name)]
public class BulletinTests
{
    [Fact]
    public async Task The_first_working_day_of_a_month_archives_and_mails_last_months_bulletin_once()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        await pipeline.IngestAsync("housing/2026-03-13.csv", ScanAndSendTests.Housing);
        await pipeline.ScanAsync(); // 16 March: two procedures turn red, one yellow
        await pipeline.ScanAsync(new DateOnly(2026, 3, 31)); // not a month's first working day: no bulletin
        Assert.Empty(
            await pipeline
                .Storage.Reports.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = EfficiencyBulletin.Folder })
                .ToListAsync()
        );

        var april = new DateOnly(2026, 4, 1);
        pipeline.Clock.Now = Domain.Calendar.OfficeClock.At(april, new TimeOnly(10, 0));
        await pipeline.ScanAsync(april);
        await pipeline.ScanAsync(april); // the timer twice
        await pipeline.NotifyPump().DrainAsync(default);

        var names = (
            await pipeline
                .Storage.Reports.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = EfficiencyBulletin.Folder })
                .ToListAsync()
        )
            .Select(b => b.Name)
            .Order(StringComparer.Ordinal);
        Assert.Equal(["monthly/2026-03-on-time.png", "monthly/2026-03.html", "monthly/2026-03.json", "monthly/2026-03.xlsx"], names);
        var bulletin = JsonSerializer.Deserialize<EfficiencyBulletin>(
            (await pipeline.Storage.Reports.GetBlobClient("monthly/2026-03.json").DownloadContentAsync()).Value.Content.ToString(),
            StorageJson.Options
        )!;
        var housing = bulletin.Departments.Single(d => d.Key == "housing").Figures;
        // Each of the four was due within three working days at some time in March — the days before the first scan reckoned by
        // their dates, not left at 0 — and each overdue by the 31st; April's flags are April's.
        Assert.Equal((4, 4), (housing.Yellow, housing.Red));
        Assert.True(housing.OverdueWorkingDays > 0);
        var mails = pipeline.Mail.Received.Where(m => m.Subject.Contains("效能通报", StringComparison.Ordinal)).ToList();
        Assert.Equal(mails.Count, mails.Select(m => m.To).Distinct().Count()); // once each
        Assert.Contains(mails, m => m.To == "liu.jianguo@kizilsu.example.org");
        Assert.Contains(mails, m => m.To == "xu.ming@kizilsu.example.org");
        Assert.All(mails, m => Assert.Contains(m.Attachments, a => a.Name == "2026-03 效能通报.xlsx"));
        Assert.Contains("cid:on-time.png", mails[0].Html);
    }

    [Theory]
    [InlineData("2026-04-01", "2026-03-01")] // a Wednesday
    [InlineData("2026-04-02", null)]
    [InlineData("2026-05-01", null)] // 劳动节
    [InlineData("2026-05-06", "2026-04-01")] // the first working day after it
    [InlineData("2026-02-01", null)] // a Sunday
    [InlineData("2026-02-02", "2026-01-01")]
    [InlineData("2026-01-04", "2025-12-01")] // 元旦 to 3 January; last year's calendar is not asked
    public void The_bulletin_is_due_on_a_months_first_working_day(string today, string? month)
    {
        var calendar = ApprovalWatch.Testing.OfficialCalendars.National;
        Assert.Equal(
            month is null ? null : DateOnly.Parse(month, System.Globalization.CultureInfo.InvariantCulture),
            Domain.Monthly.EfficiencyBulletin.DueOn(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), calendar)
        );
    }
}
