using ApprovalWatch.Pipeline.Storage;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;

namespace ApprovalWatch.Pipeline.Ingestion;

/// <summary>
/// Which blob versions are in flight, in the Submissions ledger: gathering queues a version only when no
/// live claim holds it, and an ingestion holds its version (state <c>applying</c>), renewing the claim while
/// it runs. A crashed ingestion's claim expires, and the next gather queues the file once more.
/// </summary>
public sealed class IngestClaims(StorageAccount storage, TimeProvider time, ILogger<IngestClaims> logger)
{
    /// <summary>How long a queued version waits for an ingestion before it is queued again.</summary>
    public static readonly TimeSpan QueuedLease = TimeSpan.FromMinutes(15);

    /// <summary>How long an ingestion's claim holds without renewal; it is renewed at a third of this.</summary>
    public static readonly TimeSpan ApplyingLease = TimeSpan.FromMinutes(2);

    public async Task<Dictionary<string, IngestClaimEntity>> AllAsync(CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {IngestClaimEntity.Partition}");
        var claims = new Dictionary<string, IngestClaimEntity>(StringComparer.Ordinal);
        await foreach (var claim in storage.SubmissionLedger.QueryAsync<IngestClaimEntity>(filter, cancellationToken: cancellationToken))
        {
            claims[claim.BlobName] = claim;
        }

        return claims;
    }

    /// <summary>Ingestions running now (their claim is live), for the scan and the operator.</summary>
    public async Task<IReadOnlyList<IngestClaimEntity>> ApplyingAsync(CancellationToken cancellationToken) =>
        (await AllAsync(cancellationToken)).Values.Where(c => c.State == IngestClaimEntity.Applying && c.ClaimedUntil > time.GetUtcNow()).ToList();

    /// <summary>Records that gathering queued this version (the previous claim, if any, is replaced).</summary>
    public Task QueuedAsync(string blobName, string etag, IngestClaimEntity? previous, CancellationToken cancellationToken)
    {
        var claim = Claim(blobName, etag, IngestClaimEntity.Queued);
        claim.ClaimedUntil = time.GetUtcNow() + QueuedLease;
        claim.Queueings = previous?.BlobETag == claim.BlobETag ? previous.Queueings + 1 : 1;
        return storage.SubmissionLedger.UpsertEntityAsync(claim, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Records that not even a receipt could be written for this version: it is never queued again.</summary>
    public Task RefuseAsync(string blobName, string etag, string reason, CancellationToken cancellationToken)
    {
        var claim = Claim(blobName, etag, IngestClaimEntity.Refused);
        claim.ClaimedUntil = time.GetUtcNow();
        claim.Reason = reason;
        return storage.SubmissionLedger.UpsertEntityAsync(claim, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>
    /// Holds the version while an ingestion applies it. <see cref="Hold.ReleaseAsync"/> ends the claim once the
    /// receipt is written; a hold disposed without it (the ingestion failed) stops renewing, and the claim
    /// expires for the next try.
    /// </summary>
    public async Task<Hold> HoldAsync(string blobName, string etag, CancellationToken cancellationToken)
    {
        var claim = Claim(blobName, etag, IngestClaimEntity.Applying);
        var found = await storage.SubmissionLedger.GetEntityIfExistsAsync<IngestClaimEntity>(
            IngestClaimEntity.Partition,
            claim.RowKey,
            cancellationToken: cancellationToken
        );
        claim.Queueings = found.HasValue ? found.Value!.Queueings : 0;
        await RenewAsync(claim, cancellationToken);
        return new Hold(ct => RenewAsync(claim, ct), ct => ReleaseAsync(claim, ct), logger, blobName);
    }

    private static IngestClaimEntity Claim(string blobName, string etag, string state) =>
        new() { RowKey = TableKey.Hash(blobName), BlobName = blobName, BlobETag = etag.Trim('"'), State = state };

    private async Task ReleaseAsync(IngestClaimEntity claim, CancellationToken cancellationToken)
    {
        try
        {
            await storage.SubmissionLedger.DeleteEntityAsync(claim.PartitionKey, claim.RowKey, ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }
    }

    private async Task RenewAsync(IngestClaimEntity claim, CancellationToken cancellationToken)
    {
        claim.ClaimedUntil = time.GetUtcNow() + ApplyingLease;
        await storage.SubmissionLedger.UpsertEntityAsync(claim, TableUpdateMode.Replace, cancellationToken);
    }

    public sealed class Hold : IAsyncDisposable
    {
        private readonly Func<CancellationToken, Task> _renew;
        private readonly Func<CancellationToken, Task> _release;
        private readonly ILogger _logger;
        private readonly string _blobName;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _renewal;

        internal Hold(Func<CancellationToken, Task> renew, Func<CancellationToken, Task> release, ILogger logger, string blobName)
        {
            _renew = renew;
            _release = release;
            _logger = logger;
            _blobName = blobName;
            _renewal = RenewUntilStoppedAsync();
        }

        public async Task ReleaseAsync(CancellationToken cancellationToken)
        {
            await StopAsync();
            await _release(cancellationToken);
        }

        public async ValueTask DisposeAsync()
        {
            await StopAsync();
            _stop.Dispose();
        }

        private async Task StopAsync()
        {
            if (!_stop.IsCancellationRequested)
            {
                await _stop.CancelAsync();
            }

            await _renewal;
        }

        private async Task RenewUntilStoppedAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(ApplyingLease / 3, _stop.Token);
                    await _renew(_stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                catch (RequestFailedException e)
                {
                    _logger.LogWarning(e, "Could not renew the claim on {Blob}; trying again", _blobName);
                }
            }
        }
    }
}
