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

    /// <summary>
    /// The files applied since a time that brought rows (applied or confirmed unchanged), the newest of each department: a
    /// file whose every row was refused does not report the department's week (what the board shows).
    /// </summary>
    public async Task<Dictionary<string, SubmissionRecordEntity>> LatestSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var latest = new Dictionary<string, SubmissionRecordEntity>(StringComparer.Ordinal);
        await foreach (
            var row in storage.SubmissionLedger.QueryAsync<SubmissionRecordEntity>(
                TableClient.CreateQueryFilter($"AppliedAt ge {since} and (Applied gt {0} or Unchanged gt {0})"),
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

    /// <summary>Records who uploaded a version of a file on the board: the app's word, not the blob's metadata.</summary>
    public Task RecordUploadAsync(string blobName, string etag, string uploader, DateTimeOffset at, CancellationToken cancellationToken) =>
        storage.SubmissionLedger.UpsertEntityAsync(
            new UploadRecordEntity { RowKey = TableKey.Hash(blobName), BlobName = blobName, BlobETag = etag.Trim('"'), Uploader = uploader, UploadedAt = at },
            TableUpdateMode.Replace,
            cancellationToken
        );

    /// <summary>Who uploaded this version of a file on the board; null when it was not uploaded there.</summary>
    public async Task<string?> UploaderOfAsync(string blobName, string etag, CancellationToken cancellationToken)
    {
        var found = await storage.SubmissionLedger.GetEntityIfExistsAsync<UploadRecordEntity>(
            UploadRecordEntity.Partition,
            TableKey.Hash(blobName),
            cancellationToken: cancellationToken
        );
        return found.HasValue && found.Value is { } upload && upload.BlobETag == etag.Trim('"') ? upload.Uploader : null;
    }

    /// <summary>Who uploaded each of the files on the board (the last version of each); a file not uploaded there is not named.</summary>
    public async Task<Dictionary<string, string>> UploadersAsync(IEnumerable<string> blobNames, CancellationToken cancellationToken)
    {
        var uploaders = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in blobNames.Distinct(StringComparer.Ordinal))
        {
            var found = await storage.SubmissionLedger.GetEntityIfExistsAsync<UploadRecordEntity>(
                UploadRecordEntity.Partition,
                TableKey.Hash(name),
                cancellationToken: cancellationToken
            );
            if (found.HasValue && found.Value is { } upload)
            {
                uploaders[name] = upload.Uploader;
            }
        }

        return uploaders;
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
