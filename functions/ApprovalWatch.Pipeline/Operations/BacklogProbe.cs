using ApprovalWatch.Pipeline.Ingestion;
using ApprovalWatch.Pipeline.Storage;
using ApprovalWatch.Pipeline.Telemetry;

namespace ApprovalWatch.Pipeline.Operations;

/// <summary>
/// What waits and should not: messages in the poison queues and ingestions past their claim or queued again, measured
/// on each gathering (every five minutes) so that an alert outside the app sees them without the scan.
/// </summary>
public sealed class BacklogProbe(StorageAccount storage, IngestClaims claims, PipelineMetrics metrics, TimeProvider time)
{
    public async Task<(long Poisoned, long Stalled)> MeasureAsync(CancellationToken cancellationToken)
    {
        long poisoned = 0;
        foreach (var queue in new[] { storage.IngestQueue, storage.NotifyQueue, storage.ScanQueue })
        {
            var poison = storage.PoisonQueue(queue);
            if (await poison.ExistsAsync(cancellationToken))
            {
                poisoned += (await poison.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
            }
        }

        var now = time.GetUtcNow();
        long stalled = (await claims.AllAsync(cancellationToken)).Values.Count(c => c.IsStalled(now));
        metrics.Backlog(poisoned, stalled);
        return (poisoned, stalled);
    }
}
