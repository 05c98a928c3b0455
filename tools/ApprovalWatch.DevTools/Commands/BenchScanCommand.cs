using System.Diagnostics;
using ApprovalWatch.Cli;
using ApprovalWatch.DevTools.Local;
using ApprovalWatch.Domain.Calendar;
using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Domain.Text;
using ApprovalWatch.Pipeline.Reference;
using ApprovalWatch.Pipeline.Scanning;
using ApprovalWatch.Pipeline.Storage;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace ApprovalWatch.DevTools.Commands;

/// <summary>
/// Measures the sharded daily scan end to end (ScanDeadlines, the shards pumped side by side, the digests
/// planned) over N procedures (40 per project, a handler per ten projects and a department head), in tables
/// of its own, loaded as a first scan of the day leaves them: the first run ever (which counts the table's
/// keys to cut its shards), the same day again (shards cut by that count, nothing to write) and the next
/// working day's, beside a raw scan of the same table (the columns the scan reads) and, for the next day, the same rows written raw in
/// their partitions; prints rows/s, the ratios and the peak working set during the scans. With a baseline size, measures that size first and
/// prints the ratio of the two peaks.
/// </summary>
public static class BenchScanCommand
{
    private static readonly DateOnly Day = new(2026, 4, 15);

    public static async Task<int> RunAsync(
        CliSettings settings,
        int procedures,
        int baseline,
        int pairs,
        TextWriter output,
        CancellationToken cancellationToken
    )
    {
        // The baseline size for its memory alone: its ratios are per-run costs in a small table, not the goals'.
        var small = baseline > 0 ? await MeasureAsync(settings, baseline, pairs, judged: false, output, cancellationToken) : 0;
        var large = await MeasureAsync(settings, procedures, pairs, judged: true, output, cancellationToken);
        if (small > 0)
        {
            var growth = large / (double)small;
            output.WriteLine(
                FormattableString.Invariant($"GOAL peak memory {procedures:N0} vs {baseline:N0} procedures: {large / 1048576.0:0} MiB vs ")
                    + FormattableString.Invariant($"{small / 1048576.0:0} MiB = {growth:0.00}×; goal ≤ 1.50×: {(growth <= 1.5 ? "met" : "NOT met")}")
            );
        }

        return 0;
    }

    /// <summary>Prints the figures of one size; the peak working set during its scans.</summary>
    private static async Task<long> MeasureAsync(
        CliSettings settings,
        int procedures,
        int pairs,
        bool judged,
        TextWriter output,
        CancellationToken cancellationToken
    )
    {
        var names = StorageNames.WithSuffix("scan" + Guid.NewGuid().ToString("N")[..8]);
        await using var local = await LocalRuntime.StartAsync(settings with { Names = names }, cancellationToken);
        var runtime = local.Runtime;
        var load = Stopwatch.StartNew();
        var projects = await LoadAsync(runtime, procedures, cancellationToken);
        output.WriteLine(
            $"{procedures:N0} procedures in {projects:N0} projects loaded in {load.Elapsed.TotalSeconds:0.0} s (raw batches), flagged as of "
                + $"{IsoDate.Format(Day)}"
        );

        GC.Collect();
        using var peak = new PeakWorkingSet();
        var (first, firstTime) = await TimeAsync(() => runtime.ScanAsync(Day, cancellationToken));
        output.WriteLine(
            $"  first run ever: the keys counted, then {first.Shards} shard(s) ({first.Count(Flag.Red):N0} red, {first.Count(Flag.Yellow):N0} yellow,"
                + $" {first.Digests.Count} digests): {procedures / firstTime.TotalSeconds:N0} rows/s"
        );

        // The same day again (nothing to write) and the raw scan of the same table, taken in turn.
        var sameDay = new PairedRatios($"same-day scan / raw scan ({procedures:N0} procedures)", "rows/s", 0.90);
        for (var pair = 0; pair < pairs; pair++)
        {
            TimeSpan raw = default, ours = default;
            for (var turn = 0; turn < 2; turn++)
            {
                if ((turn + pair) % 2 == 0)
                {
                    raw = await RawScanAsync(runtime.Storage.Procedures, cancellationToken);
                }
                else
                {
                    (_, ours) = await TimeAsync(() => runtime.ScanAsync(Day, cancellationToken));
                }
            }

            sameDay.Add(procedures / ours.TotalSeconds, procedures / raw.TotalSeconds);
            output.WriteLine($"  same day again, pair {pair + 1}: {procedures / ours.TotalSeconds:N0} rows/s, raw {procedures / raw.TotalSeconds:N0} rows/s");
        }

        // The next working days, each beside the same work done raw: the raw scan, then the rows that day wrote.
        var nextDay = new PairedRatios($"next day's scan / the same work raw ({procedures:N0} procedures)", "rows/s", 0.85);
        foreach (var day in NextWorkingDays.Take(pairs))
        {
            var (next, nextTime) = await TimeAsync(() => runtime.ScanAsync(day, cancellationToken));
            var changed = new List<ProcedureEntity>();
            var flaggedOn = IsoDate.Format(day);
            var rawScan = await RawScanAsync(runtime.Storage.Procedures, cancellationToken, row =>
            {
                if (row.FlaggedOn == flaggedOn)
                {
                    changed.Add(row);
                }
            });
            var audit = await DayAuditAsync(runtime.Storage.History, day, cancellationToken);
            var rawWrites = await RawWritesAsync(runtime.Storage, changed, audit, next.Counts.RowsWritten - changed.Count - audit.Count, cancellationToken);
            var rawTime = rawScan + rawWrites;
            nextDay.Add(procedures / nextTime.TotalSeconds, procedures / rawTime.TotalSeconds);
            output.WriteLine(
                $"  next working day {flaggedOn}, {next.Shards} shard(s): {procedures / nextTime.TotalSeconds:N0} rows/s; the same work raw "
                    + $"(the raw scan, then the {next.Counts.RowsWritten:N0} rows it wrote, again in their partitions, up to 100 a batch, 8 in flight, "
                    + $"{rawWrites.TotalSeconds:0.0} s): {procedures / rawTime.TotalSeconds:N0} rows/s"
            );
        }

        var peakBytes = peak.Stop();
        output.WriteLine((judged ? "" : "  (baseline) ") + sameDay.Line());
        output.WriteLine((judged ? "" : "  (baseline) ") + nextDay.Line());
        output.WriteLine($"  peak working set during the scans: {peakBytes / 1024.0 / 1024.0:0} MiB");
        await DeleteAsync(runtime.Storage, cancellationToken);
        return peakBytes;
    }

    /// <summary>The working days after <see cref="Day"/> (Wednesday 15 April 2026): Thursday, Friday, Monday, Tuesday…</summary>
    private static IEnumerable<DateOnly> NextWorkingDays =>
        Enumerable.Range(1, 30).Select(Day.AddDays).Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));

    /// <summary>
    /// N procedures (40 per project, a handler per ten projects and one department head) loaded as the day's first
    /// scan leaves them (flags, project rows) with raw batches: the emulator takes a first scan's writes of every
    /// flag and audit row of a large table at a few hundred a second, which says nothing of the scan. The number of projects.
    /// </summary>
    internal static async Task<int> LoadAsync(CliRuntime runtime, int procedures, CancellationToken cancellationToken)
    {
        var projects = (procedures + BenchData.ProceduresPerProject - 1) / BenchData.ProceduresPerProject;
        await BenchData.UploadConfigAsync(runtime.Storage, cancellationToken, projects);
        var reference = await runtime.Get<ReferenceDataLoader>().LoadAsync(cancellationToken);
        var scan = runtime.Get<IOptions<ScanOptions>>().Value;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, projects),
            new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (project, ct) =>
            {
                var rows = Project(project, procedures).ToList();
                var measurement = scan.MeasurementOn(Day, reference);
                foreach (var row in rows)
                {
                    if (measurement.Add(row.ToProcedure()) is { } measure)
                    {
                        ProcedureEntity.ScanFields.Copy(row.Scanned(measure, Day), row);
                    }
                }

                var measured = measurement.MeasureProjects().Select(ProjectMeasureEntity.From).ToList();
                await TableBatches.SubmitAsync(
                    runtime.Storage.Procedures,
                    rows.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)),
                    EntitySize.Estimate,
                    ct
                );
                await TableBatches.SubmitAsync(
                    runtime.Storage.Projects,
                    measured.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)),
                    EntitySize.Estimate,
                    ct
                );
            }
        );
        return projects;
    }

    internal static readonly DateOnly BenchDay = Day;

    private static async Task<(ScanResult, TimeSpan)> TimeAsync(Func<Task<ScanResult>> scan)
    {
        var clock = Stopwatch.StartNew();
        var result = await scan();
        return (result, clock.Elapsed);
    }

    private static IEnumerable<ProcedureEntity> Project(int project, int procedures)
    {
        var random = new Random(project);
        for (var i = 0; i < BenchData.ProceduresPerProject && project * BenchData.ProceduresPerProject + i < procedures; i++)
        {
            var accepted = new DateOnly(2026, 1, 5).AddDays(random.Next(90));
            var finished = random.Next(3) == 0;
            yield return ProcedureEntity.From(
                new Procedure
                {
                    ProjectCode = $"2026-653001-48-01-{project:D5}{project % 10}",
                    ProjectName = $"基准项目 {project}",
                    ProcedureCode = $"BH-{i + 1:D2}",
                    Department = "housing",
                    Status = finished ? ProcedureStatus.Approved : ProcedureStatus.InReview,
                    AcceptedOn = accepted,
                    LimitDays = 15,
                    HandlerEmail = BenchData.Handler(project),
                    CompletedOn = finished ? accepted.AddDays(random.Next(5, 40)) : null,
                    AsOf = new DateTimeOffset(2026, 4, 14, 0, 0, 0, TimeSpan.FromHours(8)),
                },
                "housing/bench.csv",
                "bench",
                i + 2
            );
        }
    }

    private static async Task<TimeSpan> RawScanAsync(TableClient table, CancellationToken cancellationToken, Action<ProcedureEntity>? seen = null)
    {
        var clock = Stopwatch.StartNew();
        await foreach (var row in table.QueryAsync<ProcedureEntity>(select: ProcedureEntity.ScanColumns, cancellationToken: cancellationToken))
        {
            seen?.Invoke(row);
        }

        return clock.Elapsed;
    }

    /// <summary>The History rows the scan wrote on a day (its flag changes, stamped at the day's start), read outside the timed part.</summary>
    private static async Task<List<HistoryEntity>> DayAuditAsync(TableClient history, DateOnly day, CancellationToken cancellationToken)
    {
        var at = OfficeClock.At(day, TimeOnly.MinValue);
        return await history
            .QueryAsync<HistoryEntity>(h => h.Source == "scan" && h.At == at, cancellationToken: cancellationToken)
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The scan's writes done raw: the same rows in the same partitions, batched as tightly as the store allows (up to 100 of
    /// one partition), 8 batches in flight — the changed procedures' scan fields merged again (same values), the day's audit
    /// rows inserted again beside themselves (keys of their own), and the few other rows it wrote (project measures) as
    /// inserts in the same partitions.
    /// </summary>
    private static async Task<TimeSpan> RawWritesAsync(
        StorageAccount storage,
        IReadOnlyList<ProcedureEntity> changed,
        IReadOnlyList<HistoryEntity> audit,
        int others,
        CancellationToken cancellationToken
    )
    {
        var run = Guid.NewGuid().ToString("N")[..8]; // each day's raw rows keys of their own
        var merges = changed.Select(row => new TableTransactionAction(
            TableTransactionActionType.UpdateMerge,
            new TableEntity(row.PartitionKey, row.RowKey) { ["Flag"] = row.Flag, ["FlaggedOn"] = row.FlaggedOn },
            ETag.All
        ));
        var inserts = audit
            .Concat(audit.Take(Math.Max(0, others)))
            .Select((row, i) => new TableTransactionAction(
                TableTransactionActionType.Add,
                HistoryEntity.Change(row.PartitionKey, $"{row.Procedure}|{run}|{i}", row.Kind, row.From, row.To, row.At, "bench", row.Department)
            ));
        var batches = TableBatches.Split(merges, EntitySize.Estimate).Select(batch => (storage.Procedures, batch))
            .Concat(TableBatches.Split(inserts, EntitySize.Estimate).Select(batch => (storage.History, batch)));
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(
            batches,
            new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (batch, ct) => await batch.Item1.SubmitTransactionAsync(batch.Item2, ct)
        );
        return clock.Elapsed;
    }

    /// <summary>The benchmark's tables, queues and containers, so the emulator does not carry them into the next size.</summary>
    internal static async Task DeleteAsync(StorageAccount storage, CancellationToken cancellationToken)
    {
        foreach (
            var table in new[]
            {
                storage.Procedures,
                storage.Projects,
                storage.History,
                storage.SubmissionLedger,
                storage.NotificationLedger,
                storage.Scans,
                storage.KeyProjects,
            }
        )
        {
            await table.DeleteAsync(cancellationToken);
        }

        foreach (
            var queue in new[] { storage.IngestQueue, storage.NotifyQueue, storage.ScanQueue }.SelectMany(q => new[] { q, storage.PoisonQueue(q) })
        )
        {
            await queue.DeleteIfExistsAsync(cancellationToken);
        }

        foreach (
            var container in new[] { storage.Submissions, storage.Receipts, storage.Config, storage.Digests, storage.Templates, storage.Reports }
        )
        {
            await container.DeleteIfExistsAsync(cancellationToken: cancellationToken);
        }
    }
}
