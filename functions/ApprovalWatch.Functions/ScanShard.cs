using ApprovalWatch.Pipeline.Hosting;
using Microsoft.Azure.Functions.Worker;

namespace ApprovalWatch.Functions;

public sealed class ScanShard(PipelineFunctions functions)
{
    [Function(nameof(ScanShard))]
    public Task Run([QueueTrigger("%ScanQueue%")] string message, CancellationToken cancellationToken) =>
        functions.ScanShardAsync(message, cancellationToken);
}
