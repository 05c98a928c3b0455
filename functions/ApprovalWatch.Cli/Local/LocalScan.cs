using ApprovalWatch.Pipeline.Hosting;
using ApprovalWatch.Pipeline.Scanning;

namespace ApprovalWatch.Cli.Local;

/// <summary>A whole scan where no host runs: ScanDeadlines, then the scan queue pumped (shards side by side) until the run finished.</summary>
public static class LocalScan
{
    /// <param name="pumpOf">The scan queue's pump around a handler.</param>
    public static async Task<ScanResult> RunAsync(
        PipelineFunctions functions,
        Func<Func<string, CancellationToken, Task>, QueuePump> pumpOf,
        DateOnly? date,
        CancellationToken cancellationToken
    )
    {
        var start = await functions.ScanDeadlinesAsync(date, cancellationToken);
        if (start.Skipped is not null)
        {
            return new ScanResult { Date = start.Date, Skipped = start.Skipped };
        }

        ScanResult? result = null;
        await pumpOf(
                async (message, ct) =>
                {
                    // The queue may hold an earlier run's shards too (a host that stopped): they are finished here as well.
                    if (await functions.ScanShardAsync(message, ct) is { } finished && finished.Run == start.Run)
                    {
                        result = finished;
                    }
                }
            )
            .DrainAsync(cancellationToken);
        return result
            ?? throw new InvalidOperationException(
                $"Scan {start.Run} did not finish here: another host took its last shard, or a shard failed (see the scan queue and its poison queue)."
            );
    }
}
