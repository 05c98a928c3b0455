using System.Diagnostics;
using ApprovalWatch.Cli;
using ApprovalWatch.DevTools.Local;
using ApprovalWatch.Pipeline.Storage;
using ApprovalWatch.Board;
using Azure.Data.Tables;

namespace ApprovalWatch.DevTools.Commands;

/// <summary>
/// The board's requests over N procedures (loaded as <c>bench scan</c> loads them, then scanned once so the board
/// has the day's counts): p50 and p95 of the board, a filtered list page, the next page and a project page, each
/// beside the raw table queries of the same data (the scan record, the list's page query, the project's partitions).
/// </summary>
public static class BenchWebCommand
{
    private const int Requests = 40;

    public static async Task<int> RunAsync(CliSettings settings, int procedures, TextWriter output, CancellationToken cancellationToken)
    {
        var names = StorageNames.WithSuffix("web" + Guid.NewGuid().ToString("N")[..8]);
        await using var local = await LocalRuntime.StartAsync(settings with { Names = names }, cancellationToken);
        var runtime = local.Runtime;
        var load = Stopwatch.StartNew();
        var projects = await BenchScanCommand.LoadAsync(runtime, procedures, cancellationToken);
        await runtime.ScanAsync(BenchScanCommand.BenchDay, cancellationToken);
        output.WriteLine($"{procedures:N0} procedures in {projects:N0} projects loaded and scanned in {load.Elapsed.TotalSeconds:0.0} s");

        var board = local.Board;
        var storage = runtime.Storage;
        const string viewer = "head@example.org";
        var firstPage = (await board.GetAsync("/api/procedures?department=housing&flag=red", viewer, cancellationToken)).Body;
        var next = System.Text.Json.JsonDocument.Parse(firstPage).RootElement.TryGetProperty("next", out var token) ? token.GetString() : null;
        var project = $"2026-653001-48-01-{projects / 2:D5}{projects / 2 % 10}";
        var filter = TableClient.CreateQueryFilter($"Department eq {"housing"} and Flag eq {"red"}");

        async Task Report(string what, Func<Task> request, Func<Task> raw)
        {
            var (p50, p95) = await TimeAsync(request, cancellationToken);
            var (raw50, raw95) = await TimeAsync(raw, cancellationToken);
            output.WriteLine($"  {what}: p50 {p50:0} ms, p95 {p95:0} ms; the raw queries of the same data p50 {raw50:0} ms, p95 {raw95:0} ms");
        }

        await Report(
            "GET /board",
            () => board.GetAsync("/board", viewer, cancellationToken),
            () =>
                storage
                    .Scans.QueryAsync<TableEntity>(e => e.PartitionKey == ScanRecordEntity.Partition, cancellationToken: cancellationToken)
                    .ToListAsync(cancellationToken)
                    .AsTask()
        );
        await Report(
            "GET /procedures?department=housing&flag=red (first page)",
            () => board.GetAsync("/procedures?department=housing&flag=red", viewer, cancellationToken),
            () => FirstPageAsync(storage.Procedures, filter, null, cancellationToken)
        );
        if (next is not null)
        {
            await Report(
                "the next page",
                () => board.GetAsync($"/procedures?department=housing&flag=red&page={Uri.EscapeDataString(next)}", viewer, cancellationToken),
                () => FirstPageAsync(storage.Procedures, filter, next, cancellationToken)
            );
        }

        await Report(
            $"GET /projects/{project}",
            () => board.GetAsync($"/projects/{project}", viewer, cancellationToken),
            () =>
                Task.WhenAll(
                    storage
                        .Procedures.QueryAsync<TableEntity>(e => e.PartitionKey == project, cancellationToken: cancellationToken)
                        .ToListAsync(cancellationToken)
                        .AsTask(),
                    storage
                        .Projects.QueryAsync<TableEntity>(e => e.PartitionKey == project, cancellationToken: cancellationToken)
                        .ToListAsync(cancellationToken)
                        .AsTask(),
                    storage
                        .History.QueryAsync<TableEntity>(e => e.PartitionKey == project, cancellationToken: cancellationToken)
                        .ToListAsync(cancellationToken)
                        .AsTask()
                )
        );
        await BenchScanCommand.DeleteAsync(storage, cancellationToken);
        return 0;
    }

    private static async Task FirstPageAsync(TableClient table, string filter, string? continuation, CancellationToken cancellationToken)
    {
        await foreach (
            var _ in table
                .QueryAsync<TableEntity>(filter, ProcedureListPage.PageSize, cancellationToken: cancellationToken)
                .AsPages(continuation, ProcedureListPage.PageSize)
        )
        {
            return;
        }
    }

    private static async Task<(double P50, double P95)> TimeAsync(Func<Task> request, CancellationToken cancellationToken)
    {
        await request(); // warm
        var times = new List<double>();
        for (var i = 0; i < Requests; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var clock = Stopwatch.StartNew();
            await request();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return (times[times.Count / 2], times[(int)Math.Ceiling(times.Count * 0.95) - 1]);
    }
}
