using ApprovalWatch.Domain.Receipts;
using ApprovalWatch.Pipeline.Storage;
using Azure;

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
