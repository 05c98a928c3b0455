using System.Diagnostics;
using ApprovalWatch.Cli;
using ApprovalWatch.DevTools.Local;
using ApprovalWatch.Pipeline.Storage;
using ApprovalWatch.Board;

namespace ApprovalWatch.DevTools.Commands;

/// <summary>
/// From upload to receipt on screen, as a clerk sees it: the file posted to <c>/submit</c> (read at once when small, else
/// through the ingest queue read by a pump polling as the Functions host does), and the receipt page asked again at its
/// own refresh period until the receipt is there; p50 and p95 over N uploads of a file of R rows (new projects each
/// time), and over the same content sent again. Beside it, in the same run,
/// the raw store doing the same writes and reads with the SDK alone: the blob uploaded, a message sent and received, the
/// rows upserted in batches, a receipt written and read. Prints figures; asserts nothing.
/// </summary>
public static class BenchUploadCommand
{
    private const string Clerk = "bench@example.org";

    public static async Task<int> RunAsync(CliSettings settings, int rows, int uploads, TextWriter output, CancellationToken cancellationToken)
    {
        var suffix = "up" + Guid.NewGuid().ToString("N")[..8];
        await using var local = await LocalRuntime.StartAsync(settings with { Names = StorageNames.WithSuffix(suffix) }, cancellationToken);
        var runtime = local.Runtime;
        await BenchData.UploadConfigAsync(runtime.Storage, cancellationToken);
        var board = local.Board;
        var pump = runtime.IngestPump();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = Task.Run(() => pump.RunAsync(stop.Token), cancellationToken);
        var file = Path.Combine(Path.GetTempPath(), $"approvalwatch-upload-{suffix}.csv");
        var (ours, resent, raw) = (new List<double>(), new List<double>(), new List<double>());
        output.WriteLine(
            $"{uploads} uploads of {rows:N0} rows; the ingest queue polled every {pump.PollInterval.TotalSeconds:0} s, the receipt page refreshed "
                + $"every {SubmitPage.RefreshSeconds} s"
        );
        try
        {
            for (var i = 0; i < uploads; i++)
            {
                BenchData.WriteFile(file, rows, firstProject: i * (rows / BenchData.ProceduresPerProject + 1));
                var content = await File.ReadAllBytesAsync(file, cancellationToken);
                ours.Add(await UploadToReceiptAsync(board, $"2026-03-31-{i:D3}.csv", content, cancellationToken));
                resent.Add(await UploadToReceiptAsync(board, $"2026-03-31-{i:D3}-again.csv", content, cancellationToken)); // the same content sent again
                raw.Add(await RawAsync(runtime.Storage, file, content, $"Raw{suffix}", cancellationToken));
            }
        }
        finally
        {
            await stop.CancelAsync();
            await reading;
            File.Delete(file);
        }

        var (p50, p95) = (Percentile(ours, 0.5), Percentile(ours, 0.95));
        var (raw50, raw95) = (Percentile(raw, 0.5), Percentile(raw, 0.95));
        output.WriteLine($"upload to receipt on screen: p50 {p50:0.00} s, p95 {p95:0.00} s (target p95 ≤ 2 s)");
        output.WriteLine($"the same content sent again: p50 {Percentile(resent, 0.5):0.00} s, p95 {Percentile(resent, 0.95):0.00} s (target p95 ≤ 2 s)");
        output.WriteLine($"the raw store, same writes and reads: p50 {raw50:0.00} s, p95 {raw95:0.00} s; ours / raw at p95 = {p95 / raw95:0.0}");
        output.WriteLine(
            $"of which waiting: up to {pump.PollInterval.TotalSeconds:0} s for the queue's poll and up to {SubmitPage.RefreshSeconds} s for the page's refresh"
        );
        return 0;
    }

    private static async Task<double> UploadToReceiptAsync(InProcessBoard board, string name, byte[] content, CancellationToken cancellationToken)
    {
        using var form = InProcessBoard.FileForm(name, content);
        var clock = Stopwatch.StartNew();
        var posted = await board.SendAsync("POST", "/submit", Clerk, form, cancellationToken: cancellationToken);
        var location = posted.Headers["Location"];
        while ((await board.GetAsync(location, Clerk, cancellationToken)).Body.AsSpan().IndexOf("http-equiv=\"refresh\""u8) >= 0)
        {
            await Task.Delay(TimeSpan.FromSeconds(SubmitPage.RefreshSeconds), cancellationToken);
        }

        return clock.Elapsed.TotalSeconds;
    }

    private static async Task<double> RawAsync(StorageAccount storage, string file, byte[] content, string table, CancellationToken cancellationToken)
    {
        var entities = await BenchIngestCommand.RowsAsync(file, BenchData.Catalogue(), cancellationToken);
        var queue = storage.Queues.GetQueueClient(table.ToLowerInvariant());
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var clock = Stopwatch.StartNew();
        var blob = storage.Submissions.GetBlobClient($"raw/{Guid.NewGuid():N}.csv");
        await blob.UploadAsync(BinaryData.FromBytes(content), cancellationToken);
        await queue.SendMessageAsync(blob.Name, cancellationToken);
        var message = (await queue.ReceiveMessageAsync(cancellationToken: cancellationToken)).Value;
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
        (await blob.DownloadContentAsync(cancellationToken)).Value.Content.ToArray();
        await BenchIngestCommand.RawUpsertsAsync(storage, entities, table, cancellationToken);
        var receipt = storage.Receipts.GetBlobClient(blob.Name + ".json");
        await receipt.UploadAsync(BinaryData.FromString($"{{\"rows\":{entities.Count}}}"), overwrite: true, cancellationToken);
        await receipt.DownloadContentAsync(cancellationToken);
        return clock.Elapsed.TotalSeconds;
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }
}
