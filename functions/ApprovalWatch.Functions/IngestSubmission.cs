using ApprovalWatch.Ingestion;
using ApprovalWatch.Storage;
using Microsoft.Azure.Functions.Worker;

namespace ApprovalWatch.Functions;

public sealed class IngestSubmission(SubmissionIngestor ingestor)
{
    [Function(nameof(IngestSubmission))]
    public Task Run([QueueTrigger("%IngestQueue%")] string message, CancellationToken cancellationToken) =>
        ingestor.IngestAsync(QueueMessages.Read<IngestMessage>(message), cancellationToken);
}
