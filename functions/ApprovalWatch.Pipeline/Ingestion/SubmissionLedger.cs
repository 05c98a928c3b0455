using ApprovalWatch.Domain.Receipts;
using ApprovalWatch.Pipeline.Storage;
using Azure;
using Azure.Data.Tables;

namespace ApprovalWatch.Pipeline.Ingestion;

/// <summary>The Submissions ledger: which content each department's files brought, so the same content is applied once.</summary>
public sealed class SubmissionLedger(StorageAccount storage)
{
    /// <summary>The first file that brought this content, or null.</summary>
    public async Task<SubmissionRecordEntity?> FindAsync(string department, string contentHash, CancellationToken cancellationToken)
    {
        var found = await storage.SubmissionLedger.GetEntityIfExistsAsync<SubmissionRecordEntity>(
            department,
            contentHash,
            cancellationToken: cancellationToken
        );
        return found.HasValue ? found.Value : null;
    }

    /// <summary>The files applied since a time, the newest of each department (what the board shows).</summary>
    public async Task<Dictionary<string, SubmissionRecordEntity>> LatestSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var latest = new Dictionary<string, SubmissionRecordEntity>(StringComparer.Ordinal);
        await foreach (
            var row in storage.SubmissionLedger.QueryAsync<SubmissionRecordEntity>(
                TableClient.CreateQueryFilter($"AppliedAt ge {since}"),
                select: [nameof(SubmissionRecordEntity.PartitionKey), nameof(SubmissionRecordEntity.BlobName), nameof(SubmissionRecordEntity.AppliedAt)],
                cancellationToken: cancellationToken
            )
        )
        {
            if (!latest.TryGetValue(row.PartitionKey, out var known) || known.AppliedAt < row.AppliedAt)
            {
                latest[row.PartitionKey] = row;
            }
        }

        return latest;
    }

    public async Task RecordAsync(Receipt receipt, CancellationToken cancellationToken)
    {
        try
        {
            await storage.SubmissionLedger.AddEntityAsync(
                new SubmissionRecordEntity
                {
                    PartitionKey = receipt.Department,
                    RowKey = receipt.ContentHash,
                    BlobName = receipt.File,
                    AppliedAt = receipt.ReceivedAt,
                    Applied = receipt.Applied,
                    Unchanged = receipt.Unchanged,
                    Stale = receipt.Stale,
                    Rejected = receipt.Rejected,
                },
                cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Recorded by an earlier delivery of the same message: the first record stands.
        }
    }
}
