using System.Diagnostics;
using ApprovalWatch.Cli;
using ApprovalWatch.DevTools.Local;
using ApprovalWatch.Domain.Catalogue;
using ApprovalWatch.Domain.Receipts;
using ApprovalWatch.Domain.Submissions;
using ApprovalWatch.Domain.Submissions.Files;
using ApprovalWatch.Pipeline.Ingestion;
using ApprovalWatch.Pipeline.Storage;

namespace ApprovalWatch.DevTools.Commands;

/// <summary>
/// Measures ingestion of one large department file: rows per second parsed and validated (no storage),
/// rows per second applied to the store through the whole ingestion (both passes, receipt included), and
/// the process's peak memory. Runs in containers and tables of its own. Prints figures; asserts nothing.
/// </summary>
public static class BenchIngestCommand
{
    /// <param name="applyRows">How many rows the storage part applies: the emulator is single-threaded and slows as tables grow, so all 200,000 take
    /// long there.</param>
    public static async Task<int> RunAsync(
        CliSettings settings,
        int rows,
        int applyRows,
        int pairs,
        TextWriter output,
        CancellationToken cancellationToken
    )
    {
        var catalogue = BenchData.Catalogue();
        var file = Path.Combine(Path.GetTempPath(), $"approvalwatch-bench-{rows}.csv");
        BenchData.WriteFile(file, rows);
        output.WriteLine($"{rows:N0} rows, {new FileInfo(file).Length / 1024.0 / 1024.0:0.0} MiB of CSV, {rows / BenchData.ProceduresPerProject:N0} projects");

        var parse = Stopwatch.StartNew();
        var validator = new SubmissionValidator(new ProcedureCatalogue(catalogue), "housing", DateTimeOffset.UtcNow, int.MaxValue);
        await using (var stream = File.OpenRead(file))
        {
            var valid = validator.Validate(SubmissionReader.Open(file, stream, new SubmissionLimits()).Rows).Count();
            parse.Stop();
            output.WriteLine(
                $"parse and validate: {valid:N0} valid rows in {parse.Elapsed.TotalSeconds:0.00} s = {rows / parse.Elapsed.TotalSeconds:N0} rows/s; "
                    + $"peak working set so far {Peak()}"
            );
        }

        applyRows = Math.Min(applyRows, rows);
        if (applyRows < rows)
        {
            BenchData.WriteFile(file, applyRows);
        }

        var entities = await RowsAsync(file, catalogue, cancellationToken);
        var ratios = new PairedRatios($"ingestion / raw batched upserts ({applyRows:N0} rows)", "rows/s", 0.80);
        for (var pair = 0; pair < pairs; pair++)
        {
            // Each pair in tables of its own (the same file again would be the same content, applied once); measured and
            // raw taken in turn, the one first in one pair second in the next.
            var suffix = "bench" + Guid.NewGuid().ToString("N")[..8];
            await using var local = await LocalRuntime.StartAsync(settings with { Names = StorageNames.WithSuffix(suffix) }, cancellationToken);
            var runtime = local.Runtime;
            await BenchData.UploadConfigAsync(runtime.Storage, cancellationToken);
            var blob = runtime.Storage.Submissions.GetBlobClient("housing/bench.csv");
            var uploaded = await blob.UploadAsync(file, cancellationToken);
            TimeSpan raw = default, ours = default;
            for (var turn = 0; turn < 2; turn++)
            {
                if ((turn + pair) % 2 == 0)
                {
                    raw = await RawUpsertsAsync(runtime.Storage, entities, "Raw" + suffix, cancellationToken);
                    continue;
                }

                var apply = Stopwatch.StartNew();
                var message = new IngestMessage(blob.Name, uploaded.Value.ETag.ToString());
                var receipt = await runtime.Get<SubmissionIngestor>().IngestAsync(message, cancellationToken);
                ours = apply.Elapsed;
                if (receipt?.Status != Receipt.AppliedStatus)
                {
                    output.WriteLine($"ingest refused the file: {receipt?.Message}");
                    return 1;
                }
            }

            var (oursRate, rawRate) = (applyRows / ours.TotalSeconds, entities.Count / raw.TotalSeconds);
            ratios.Add(oursRate, rawRate);
            output.WriteLine(
                $"  pair {pair + 1}: ingestion {oursRate:N0} rows/s (two passes, receipt, {applyRows / BenchData.ProceduresPerProject:N0} "
                    + $"project partitions); raw 100-entity batched upserts of the same rows, same partitions, 8 in flight, {rawRate:N0} rows/s; "
                    + $"{oursRate / rawRate:0.00}"
            );
            await runtime.Storage.Tables.DeleteTableAsync("Raw" + suffix, cancellationToken);
            await BenchScanCommand.DeleteAsync(runtime.Storage, cancellationToken);
        }

        output.WriteLine(ratios.Line());
        output.WriteLine(
            $"peak working set of the process: {Peak()}; managed heap now {GC.GetTotalMemory(forceFullCollection: true) / 1024.0 / 1024.0:0.0} MiB"
        );
        File.Delete(file);
        return 0;
    }

    /// <summary>The file's valid rows as the entities ingestion would write.</summary>
    internal static async Task<List<ProcedureEntity>> RowsAsync(string file, List<CatalogueEntry> catalogue, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(file);
        var validator = new SubmissionValidator(new ProcedureCatalogue(catalogue), "housing", DateTimeOffset.UtcNow, int.MaxValue);
        return validator.Validate(SubmissionReader.Open(file, stream, SubmissionLimits.Default).Rows)
            .Select(r => ProcedureEntity.From(r.Procedure, "housing/bench.csv", "raw", r.Line)).ToList();
    }

    /// <summary>Upserts the entities into a table of their own in batches of up to 100 per partition, 8 partitions at a time.</summary>
    internal static async Task<TimeSpan> RawUpsertsAsync(
        StorageAccount storage,
        List<ProcedureEntity> entities,
        string table,
        CancellationToken cancellationToken
    )
    {
        var client = storage.Tables.GetTableClient(table);
        await client.CreateIfNotExistsAsync(cancellationToken);
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(
            entities.GroupBy(e => e.PartitionKey),
            new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (partition, ct) =>
                await TableBatches.SubmitAsync(
                    client,
                    partition.Select(e => new Azure.Data.Tables.TableTransactionAction(
                        Azure.Data.Tables.TableTransactionActionType.UpsertReplace,
                        e
                    )),
                    EntitySize.Estimate,
                    ct
                )
        );
        return clock.Elapsed;
    }

    private static string Peak() => $"{Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0:0} MiB";
}
