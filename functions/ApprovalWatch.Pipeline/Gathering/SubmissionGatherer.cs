using ApprovalWatch.Ingestion;
using ApprovalWatch.Storage;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;

namespace ApprovalWatch.Gathering;

/// <summary>
/// Finds the submissions that are new or changed since their receipt was written, and enqueues one
/// ingest message per blob version. Two listings per run, no per-blob look-ups; a run that fires twice
/// or late enqueues a version twice at worst, which ingestion applies once.
/// </summary>
public sealed class SubmissionGatherer(StorageAccount storage, ILogger<SubmissionGatherer> logger)
{
    public async Task<int> GatherAsync(CancellationToken cancellationToken)
    {
        var receipted = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var receipt in storage.Receipts.GetBlobsAsync(new GetBlobsOptions { Traits = BlobTraits.Metadata }, cancellationToken))
        {
            if (receipt.Metadata.TryGetValue(ReceiptWriter.SourceETagMetadata, out var etag))
            {
                receipted[receipt.Name] = etag;
            }
        }

        var enqueued = 0;
        await foreach (var blob in storage.Submissions.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            var etag = blob.Properties.ETag?.ToString() ?? "";
            if (receipted.TryGetValue(ReceiptWriter.ReceiptName(blob.Name), out var done) && done.Trim('"') == etag.Trim('"'))
            {
                continue;
            }

            await storage.IngestQueue.SendMessageAsync(QueueMessages.Write(new IngestMessage(blob.Name, etag)), cancellationToken);
            enqueued++;
        }

        logger.LogInformation("Gathered {Count} new or changed submission(s)", enqueued);
        return enqueued;
    }
}
