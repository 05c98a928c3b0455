using System.Diagnostics;
using ApprovalWatch.Deadlines;
using ApprovalWatch.Scanning;
using ApprovalWatch.Storage;
using Azure.Data.Tables;

namespace ApprovalWatch.Cli.Commands;

/// <summary>
/// Measures the daily scan over N procedures (40 per project) in tables of its own: the first scan of a day
/// (every flag new), the same day's second scan (nothing to write), the next working day's, and, beside them,
/// a raw scan of the same table selecting the same columns; prints rows/s, the ratios and the process's peak
/// working set.
/// </summary>
public static class BenchScanCommand
{
    private static readonly DateOnly Day = new(2026, 4, 15);

    public static async Task<int> RunAsync(CliSettings settings, int procedures, TextWriter output, CancellationToken cancellationToken)
    {
        var names = StorageNames.WithSuffix("scan" + Guid.NewGuid().ToString("N")[..8]);
        await using var runtime = await CliRuntime.StartAsync(settings with { Names = names }, cancellationToken);
        await BenchData.UploadConfigAsync(runtime.Storage, cancellationToken);

        var load = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, (procedures + BenchData.ProceduresPerProject - 1) / BenchData.ProceduresPerProject), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (project, ct) =>
            await TableBatches.SubmitAsync(runtime.Storage.Procedures, Project(project, procedures).Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), EntitySize.Estimate, ct));
        output.WriteLine($"{procedures:N0} procedures loaded in {load.Elapsed.TotalSeconds:0.0} s (raw batches)");

        var raw = await RawScanAsync(runtime.Storage.Procedures, cancellationToken);
        var scanner = runtime.Get<DeadlineScanner>();
        var first = Stopwatch.StartNew();
        var result = await scanner.ScanAsync(Day, dryRun: false, cancellationToken);
        first.Stop();
        var second = Stopwatch.StartNew();
        await scanner.ScanAsync(Day, dryRun: false, cancellationToken);
        second.Stop();
        var next = Stopwatch.StartNew();
        await scanner.ScanAsync(Day.AddDays(1), dryRun: false, cancellationToken);
        next.Stop();
        var rawAgain = await RawScanAsync(runtime.Storage.Procedures, cancellationToken);
        var rawRate = procedures / ((raw + rawAgain).TotalSeconds / 2);

        output.WriteLine($"raw scan selecting the procedure columns: {rawRate:N0} rows/s (before {procedures / raw.TotalSeconds:N0}, after {procedures / rawAgain.TotalSeconds:N0})");
        output.WriteLine($"first scan of the day ({result.Count(Flag.Red):N0} red, {result.Count(Flag.Yellow):N0} yellow, every flag written): {procedures / first.Elapsed.TotalSeconds:N0} rows/s, {procedures / first.Elapsed.TotalSeconds / rawRate:0.00} of raw");
        output.WriteLine($"second scan of the day (nothing to write): {procedures / second.Elapsed.TotalSeconds:N0} rows/s, {procedures / second.Elapsed.TotalSeconds / rawRate:0.00} of raw");
        output.WriteLine($"next working day's scan (only flags that changed are written): {procedures / next.Elapsed.TotalSeconds:N0} rows/s, {procedures / next.Elapsed.TotalSeconds / rawRate:0.00} of raw");
        output.WriteLine($"peak working set of the process: {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0:0} MiB");
        return 0;
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
                    HandlerEmail = "bench@example.org",
                    CompletedOn = finished ? accepted.AddDays(random.Next(5, 40)) : null,
                    AsOf = new DateTimeOffset(2026, 4, 14, 0, 0, 0, TimeSpan.FromHours(8)),
                },
                "housing/bench.csv",
                "bench",
                i + 2);
        }
    }

    private static async Task<TimeSpan> RawScanAsync(TableClient table, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await foreach (var _ in table.QueryAsync<ProcedureEntity>(cancellationToken: cancellationToken))
        {
        }

        return clock.Elapsed;
    }
}
