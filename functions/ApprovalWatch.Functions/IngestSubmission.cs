using ApprovalWatch.Pipeline.Hosting;
using Microsoft.Azure.Functions.Worker;

namespace ApprovalWatch.Functions;

public sealed class IngestSubmission(PipelineFunctions functions)
{
    [Function(nameof(IngestSubmission))]
    public Task Run([QueueTrigger("%IngestQueue%")] string message, CancellationToken cancellationToken) =>
        functions.IngestSubmissionAsync(message, cancellationToken);
}
