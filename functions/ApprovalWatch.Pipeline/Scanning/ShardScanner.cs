using ApprovalWatch.Pipeline.Reference;
using ApprovalWatch.Pipeline.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ApprovalWatch.Pipeline.Scanning;

/// <summary>
/// ScanShard: measures one shard of a run (<see cref="ShardMeasurer"/>), keeps its routed lines and counts,
/// and marks it finished; the shard that finishes last plans the day's digests (<see cref="ScanFinisher"/>).
/// A shard delivered twice measures once; a shard that failed is tried again alone.
/// </summary>
public sealed class ShardScanner(
    ReferenceDataLoader referenceLoader,
    ShardMeasurer measurer,
    ShardLines lines,
    ScanRuns runs,
    ScanFinisher finisher,
    IOptions<ScanOptions> options,
    ILogger<ShardScanner> logger)
{
    private readonly SemaphoreSlim _measuring = new(options.Value.ShardsInParallel);

    /// <summary>The day's result when this shard finished the run; otherwise null.</summary>
    public async Task<ScanResult?> ScanAsync(ScanShardMessage message, CancellationToken cancellationToken)
    {
        var run = await runs.FindAsync(message.Run, cancellationToken)
            ?? throw new InvalidOperationException($"Scan run {message.Run} is not recorded in the Scans table.");
        if (message.Shard < 0 || message.Shard >= run.Shards)
        {
            throw new InvalidOperationException($"Scan run {message.Run} has {run.Shards} shard(s), not a shard {message.Shard}.");
        }

        if (run.State == ScanRunEntity.Planned)
        {
            logger.LogInformation("Shard {Shard} of {Run} again: the run is finished", message.Shard, message.Run);
            return null;
        }

        if (run.Done[message.Shard] != '1')
        {
            await _measuring.WaitAsync(cancellationToken);
            try
            {
                await MeasureAsync(message, cancellationToken);
            }
            finally
            {
                _measuring.Release();
            }
        }

        return await runs.FinishShardAsync(message.Run, message.Shard, cancellationToken)
            ? await finisher.FinishAsync(message.Run, cancellationToken)
            : null;
    }

    private async Task MeasureAsync(ScanShardMessage message, CancellationToken cancellationToken)
    {
        var range = new ShardRange(message.From, message.To);
        await lines.DeleteShardAsync(message.Run, message.Shard, cancellationToken);
        var written = 0;
        var routed = new RoutedLineRuns(options.Value.ShardLinesPerRun, (run, ct) =>
            lines.WriteRunAsync(message.Run, message.Shard, written++, run, ct)
        );
        var output = await measurer.MeasureAsync(
            message.Date,
            await referenceLoader.LoadAsync(cancellationToken),
            range,
            write: true,
            routed,
            cancellationToken
        );
        await lines.WriteNoticeCallsAsync(message.Run, message.Shard, output.NoticeCalls, cancellationToken);
        await runs.SaveShardAsync(message.Run, message.Shard, range, output, cancellationToken);
        logger.LogInformation(
            "Shard {Shard} of {Run}: {Procedures} procedure(s), {Lines} routed line(s) in {Runs} run(s)",
            message.Shard,
            message.Run,
            output.Counts.Procedures,
            output.Lines,
            written
        );
    }
}
