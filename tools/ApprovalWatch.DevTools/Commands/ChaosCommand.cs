using System.Diagnostics;
using ApprovalWatch.Cli;
using ApprovalWatch.DevTools.Local;
using ApprovalWatch.Domain.Audit;
using ApprovalWatch.Domain.Receipts;
using ApprovalWatch.Pipeline.Ingestion;
using ApprovalWatch.Pipeline.Storage;

namespace ApprovalWatch.DevTools.Commands;

/// <summary>
/// The long fault run: a large department file dropped while <c>approvalwatch host</c> gathers every few
/// seconds, the host killed (SIGKILL) in the middle of applying it, then started again. Prints how often
/// the file was queued, what was applied before the kill and in the end, and the audit rows; asserts nothing.
/// </summary>
public static class ChaosCommand
{
    private const string Blob = "housing/chaos.csv";

    public static async Task<int> RunAsync(CliSettings settings, int rows, int gatherSeconds, TextWriter output, CancellationToken cancellationToken)
    {
        var names = StorageNames.WithSuffix("chaos" + Guid.NewGuid().ToString("N")[..8]);
        await using var local = await LocalRuntime.StartAsync(settings with { Names = names }, cancellationToken);
        var runtime = local.Runtime;
        await BenchData.UploadConfigAsync(runtime.Storage, cancellationToken);
        var file = Path.Combine(Path.GetTempPath(), $"approvalwatch-chaos-{rows}.csv");
        BenchData.WriteFile(file, rows);
        await runtime.Storage.Submissions.GetBlobClient(Blob).UploadAsync(file, overwrite: true, cancellationToken);
        File.Delete(file);
        output.WriteLine($"{rows:N0} rows dropped as {Blob}; the host gathers every {gatherSeconds} s");

        var claims = runtime.Get<IngestClaims>();
        var queueings = 0;
        async Task<IngestClaimEntity?> WatchAsync()
        {
            var claim = (await claims.AllAsync(cancellationToken)).GetValueOrDefault(Blob);
            queueings = Math.Max(queueings, claim?.Queueings ?? 0);
            return claim;
        }

        var clock = Stopwatch.StartNew();
        var host = StartHost(settings, names, gatherSeconds);
        while ((await WatchAsync())?.State != IngestClaimEntity.Applying)
        {
            await Task.Delay(500, cancellationToken);
        }

        // Killed once a quarter of the rows are in, while the gather timer goes on ticking.
        while (await CountAsync(runtime.Storage.Procedures, cancellationToken, upTo: rows / 4) < rows / 4)
        {
            await WatchAsync();
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }

        await WatchAsync();
        host.Kill(entireProcessTree: true);
        await host.WaitForExitAsync(cancellationToken);
        var beforeKill = await CountAsync(runtime.Storage.Procedures, cancellationToken);
        output.WriteLine(
            $"host killed after {clock.Elapsed.TotalSeconds:0} s, mid-apply: {beforeKill:N0} rows applied, the file queued {queueings} time(s) so far"
        );

        var restart = Stopwatch.StartNew();
        host = StartHost(settings, names, gatherSeconds);
        Receipt? receipt;
        while ((receipt = await runtime.Get<ReceiptWriter>().ReadAsync(Blob, cancellationToken)) is null)
        {
            await WatchAsync();
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        }

        host.Kill(entireProcessTree: true);
        await host.WaitForExitAsync(cancellationToken);
        var procedures = await CountAsync(runtime.Storage.Procedures, cancellationToken);
        var history = await CountAsync(runtime.Storage.History, cancellationToken);
        var recorded = await runtime.Get<HistoryLog>().ReadAsync<StatusChanged>(since: null, cancellationToken).CountAsync(cancellationToken);
        output.WriteLine(
            $"host restarted: receipt after {restart.Elapsed.TotalSeconds:0} s (the dead host's claim expires after "
                + $"{IngestClaims.ApplyingLease.TotalMinutes:0} min): {receipt.Applied:N0} applied, {receipt.Unchanged:N0} unchanged, "
                + $"{receipt.Rejected:N0} rejected"
        );
        output.WriteLine(
            $"in the end: {procedures:N0} procedures for {rows:N0} rows, {recorded:N0} recorded in {history:N0} audit rows, "
                + $"the file queued {queueings} time(s) in {clock.Elapsed.TotalSeconds:0} s of gathering every {gatherSeconds} s"
        );
        return procedures == rows && recorded == rows ? 0 : 1;
    }

    private static Process StartHost(CliSettings settings, StorageNames names, int gatherSeconds) =>
        ChildCli.Dev(["host", "--gather-schedule", $"*/{gatherSeconds} * * * * *", "--mail", settings.MailFolder], settings.Storage, names);

    private static async Task<int> CountAsync(Azure.Data.Tables.TableClient table, CancellationToken cancellationToken, int upTo = int.MaxValue) =>
        await table
            .QueryAsync<Azure.Data.Tables.TableEntity>(select: ["RowKey"], cancellationToken: cancellationToken)
            .Take(upTo)
            .CountAsync(cancellationToken);
}
