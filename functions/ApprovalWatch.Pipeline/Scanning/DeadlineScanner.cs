using System.Text.Json;
using ApprovalWatch.Domain.Calendar;
using ApprovalWatch.Domain.Digests;
using ApprovalWatch.Domain.Reference;
using ApprovalWatch.Domain.Text;
using ApprovalWatch.Pipeline.Ingestion;
using ApprovalWatch.Pipeline.Reference;
using ApprovalWatch.Pipeline.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ApprovalWatch.Pipeline.Scanning;

/// <summary>
/// Begins the daily run: notes the working days no scan ran on, waits (bounded) for department files being
/// applied, cuts the Procedures table into shards where the last run's count says (the first run counts the
/// table's keys) and queues one message per shard for <see cref="ShardScanner"/>. Measures nothing itself, so a prefecture of any size starts in
/// moments. A dry run measures the whole table here instead, writing and queueing nothing.
/// </summary>
public sealed class DeadlineScanner(
    StorageAccount storage,
    ReferenceDataLoader referenceLoader,
    ShardMeasurer measurer,
    DigestComposer composer,
    ScanRuns runs,
    IngestClaims claims,
    ScanLog log,
    IOptions<ScanOptions> options,
    TimeProvider time,
    ILogger<DeadlineScanner> logger)
{
    /// <param name="date">The office day to scan; today in Beijing when null.</param>
    public async Task<ScanStart> StartAsync(DateOnly? date, CancellationToken cancellationToken)
    {
        var today = date ?? OfficeClock.Today(time);
        var reference = await referenceLoader.LoadAsync(cancellationToken);
        if (SkipReason(today, reference) is { } skipped)
        {
            return new ScanStart(today, null, 0, skipped);
        }

        var missed = await MissedAsync(today, reference, cancellationToken);
        var applying = await WaitForApplyingAsync(TimeSpan.FromSeconds(options.Value.WaitForApplyingSeconds), cancellationToken);
        var ranges = ShardRange.Between(
            await runs.BoundariesAsync(cancellationToken) ?? await runs.CensusAsync(options.Value.ShardProcedures, cancellationToken)
        );
        var run = new ScanRunEntity
        {
            RowKey = $"{IsoDate.Format(today)}-{Guid.NewGuid():N}"[..19],
            Date = IsoDate.Format(today),
            StartedAt = time.GetUtcNow(),
            Shards = ranges.Count,
            Done = new string('0', ranges.Count),
            Missed = string.Join(',', missed.Select(IsoDate.Format)),
            Applying = JsonSerializer.Serialize(applying.Select(a => new[] { a.Department, a.File })),
        };
        await runs.CreateAsync(run, cancellationToken);
        for (var shard = 0; shard < ranges.Count; shard++)
        {
            await storage.ScanQueue.SendMessageAsync(
                QueueMessages.Write(new ScanShardMessage(run.RowKey, today, shard, ranges[shard].From, ranges[shard].To)),
                cancellationToken
            );
        }

        logger.LogInformation("Scan {Run} of {Date}: {Shards} shard(s) queued", run.RowKey, today, ranges.Count);
        return new ScanStart(today, run.RowKey, ranges.Count);
    }

    /// <summary>Measures every procedure and plans the digests as the day's run would, writing and queueing nothing.</summary>
    public async Task<ScanResult> PreviewAsync(DateOnly? date, CancellationToken cancellationToken) =>
        (await PreviewDigestsAsync(date, cancellationToken)).Result;

    /// <summary>
    /// What every flag and line was (or would have been) on a past day, from the stored facts as they stood that day:
    /// written nowhere, sent to no one.
    /// </summary>
    public async Task<(ScanResult Result, IReadOnlyList<Digest> Digests)> ReplayAsync(DateOnly date, CancellationToken cancellationToken) =>
        await PreviewDigestsAsync(date, cancellationToken, replay: true);

    /// <summary>The dry run's result and the digests it planned, whole.</summary>
    public async Task<(ScanResult Result, IReadOnlyList<Digest> Digests)> PreviewDigestsAsync(
        DateOnly? date,
        CancellationToken cancellationToken,
        bool replay = false
    )
    {
        var today = date ?? OfficeClock.Today(time);
        var reference = await referenceLoader.LoadAsync(cancellationToken);
        if (SkipReason(today, reference) is { } skipped)
        {
            return (new ScanResult { Date = today, Skipped = skipped }, []);
        }

        var notes = new DayNotes(await MissedAsync(today, reference, cancellationToken), await WaitForApplyingAsync(TimeSpan.Zero, cancellationToken));
        var lines = new List<RoutedLine>();
        var gathered = new RoutedLineRuns(int.MaxValue, (run, _) =>
        {
            lines.AddRange(run);
            return Task.CompletedTask;
        });
        var output = await measurer.MeasureAsync(today, reference, ShardRange.All, write: false, gathered, cancellationToken, replay);
        var digests = new List<Digest>();
        foreach (var routed in lines.GroupBy(l => l.To, StringComparer.Ordinal))
        {
            var collector = new DigestCollector(options.Value.MaxDigestLinesPerSection);
            foreach (var line in routed)
            {
                collector.Add(line);
            }

            digests.Add((await composer.ComposeAsync(today, collector, reference, output.Counts, notes, cancellationToken)).Digest);
        }

        var result = new ScanResult
        {
            Date = today,
            Shards = 1,
            Counts = output.Counts,
            Digests = digests.Select(DigestSummary.Of).ToList(),
            MissedDays = notes.MissedDays,
            Applying = notes.Applying,
        };
        return (result, digests);
    }

    private string? SkipReason(DateOnly today, ReferenceData reference)
    {
        if (reference.Calendars.AnyWorks(today))
        {
            return null;
        }

        var day = reference.Calendars.NationalCalendar.Exception(today)?.Name is { Length: > 0 } name ? name : today.DayOfWeek.ToString();
        logger.LogInformation("{Date} is not a working day ({Day}): no scan", today, day);
        return $"{IsoDate.Format(today)} is not a working day ({day})";
    }

    private async Task<IReadOnlyList<DateOnly>> MissedAsync(DateOnly today, ReferenceData reference, CancellationToken cancellationToken)
    {
        var missed = await log.MissedBeforeAsync(today, reference.Calendars, cancellationToken);
        foreach (var day in missed)
        {
            logger.LogError("No scan ran on {Day}, a working day: no digests were made that day", day);
        }

        return missed;
    }

    /// <summary>Waits (bounded) for department files being applied; those still applying after the wait, with their department.</summary>
    private async Task<IReadOnlyList<(string Department, string File)>> WaitForApplyingAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var applying = await claims.ApplyingAsync(cancellationToken);
            if (applying.Count == 0 || waited.Elapsed >= wait)
            {
                foreach (var claim in applying)
                {
                    logger.LogWarning("{Blob} is still being applied after {Wait}: the scan measures without it and says so", claim.BlobName, wait);
                }

                return applying.Select(c => (Domain.Catalogue.Department.OfBlob(c.BlobName)?.Id ?? "", c.BlobName)).ToList();
            }

            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        }
    }
}
