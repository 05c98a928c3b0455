using ApprovalWatch.Pipeline.Ingestion;
using ApprovalWatch.Pipeline.Storage;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;

namespace ApprovalWatch.Pipeline.Gathering;

/// <summary>
/// Finds the submissions that are new or changed since their receipt was written, and enqueues one
/// ingest message per blob version — unless that version is already in flight (a live claim in the
/// Submissions ledger), so a file that takes longer than the gather period is not queued on every tick.
/// Three listings per run, no per-blob look-ups; a run that fires twice or late enqueues a version twice
/// at worst, which ingestion applies once.
/// </summary>
public sealed class SubmissionGatherer(StorageAccount storage, IngestClaims claims, TimeProvider time, ILogger<SubmissionGatherer> logger)
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

        var inFlight = await claims.AllAsync(cancellationToken);
        var (enqueued, held) = (0, 0);
        await foreach (var blob in storage.Submissions.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            var etag = blob.Properties.ETag?.ToString() ?? "";
            if (receipted.TryGetValue(ReceiptWriter.ReceiptName(blob.Name), out var done) && done.Trim('"') == etag.Trim('"'))
            {
                continue;
            }

            var claim = inFlight.GetValueOrDefault(blob.Name);
            if (claim is not null && claim.Holds(etag, time.GetUtcNow()))
            {
                held++;
                continue;
            }

            if (claim?.BlobETag == etag.Trim('"'))
            {
                logger.LogWarning("{Blob} was {State} until {Until:u} without a receipt; queued again", blob.Name, claim.State, claim.ClaimedUntil);
            }

            await claims.QueuedAsync(blob.Name, etag, claim, cancellationToken);
            await storage.IngestQueue.SendMessageAsync(QueueMessages.Write(new IngestMessage(blob.Name, etag)), cancellationToken);
            enqueued++;
        }

        logger.LogInformation("Gathered {Count} new or changed submission(s); {Held} in flight", enqueued, held);
        return enqueued;
    }
}
