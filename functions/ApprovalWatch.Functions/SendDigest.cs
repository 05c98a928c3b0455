using ApprovalWatch.Pipeline.Hosting;
using Microsoft.Azure.Functions.Worker;

namespace ApprovalWatch.Functions;

public sealed class SendDigest(PipelineFunctions functions)
{
    [Function(nameof(SendDigest))]
    public Task Run([QueueTrigger("%NotifyQueue%")] string message, CancellationToken cancellationToken) =>
        functions.SendDigestAsync(message, cancellationToken);
}
