using System.Security.Cryptography;
using ApprovalWatch.Catalogue;
using ApprovalWatch.Configuration;
using ApprovalWatch.Storage;
using ApprovalWatch.Submissions;
using Azure;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ApprovalWatch.Ingestion;

/// <summary>
/// Reads one submitted file, validates it against the catalogue and the department's authority (its
/// folder), applies the valid rows and writes the receipt. The original blob is never changed. The same
/// message twice gives the same tables and the same receipt.
/// </summary>
public sealed class SubmissionIngestor(
    StorageAccount storage,
    PipelineConfigLoader configLoader,
    ProcedureApplier applier,
    ReceiptWriter receipts,
    IOptions<IngestOptions> options,
    TimeProvider time,
    ILogger<SubmissionIngestor> logger)
{
    /// <summary>Ingests one blob version; null when that version is gone (deleted or replaced since it was gathered).</summary>
    public async Task<Receipt?> IngestAsync(IngestMessage message, CancellationToken cancellationToken)
    {
        var blob = storage.Submissions.GetBlobClient(message.BlobName);
        BlobDownloadResult download;
        try
        {
            var properties = await blob.GetPropertiesAsync(new BlobRequestConditions { IfMatch = new ETag(message.ETag) }, cancellationToken);
            if (properties.Value.ContentLength > options.Value.MaxFileBytes)
            {
                return await RefuseAsync(message, $"文件过大（{properties.Value.ContentLength:N0} 字节，上限 {options.Value.MaxFileBytes:N0}）；the file is larger than the limit of {options.Value.MaxFileBytes:N0} bytes.", cancellationToken);
            }

            download = (await blob.DownloadContentAsync(new BlobDownloadOptions { Conditions = new BlobRequestConditions { IfMatch = new ETag(message.ETag) } }, cancellationToken)).Value;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            logger.LogInformation("Submission {Blob} version {ETag} is gone (HTTP {Status}); a newer version, if any, is gathered on its own", message.BlobName, message.ETag, e.Status);
            return null;
        }

        var department = DepartmentOf(message.BlobName);
        if (department is null)
        {
            return await RefuseAsync(message, $"文件必须放在部门文件夹中；a file must be in a department folder: submissions/{{department}}/ with department one of {string.Join(", ", Department.All.Select(d => d.Id))}.", cancellationToken);
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(download.Content.ToMemory().Span));
        var first = await storage.SubmissionLedger.GetEntityIfExistsAsync<SubmissionRecordEntity>(department.Id, hash, cancellationToken: cancellationToken);
        if (first.HasValue && first.Value!.BlobName != message.BlobName)
        {
            return await WriteAsync(message, new Receipt
            {
                File = message.BlobName,
                Department = department.Id,
                Status = Receipt.DuplicateStatus,
                DuplicateOf = first.Value.BlobName,
                ContentHash = hash,
                ReceivedAt = time.GetUtcNow(),
                Message = $"内容与已处理的 {first.Value.BlobName} 相同，未重复处理；the same content as {first.Value.BlobName}, applied at {first.Value.AppliedAt:u}: nothing applied again.",
            }, cancellationToken);
        }

        var config = await configLoader.LoadAsync(cancellationToken);
        ValidatedSubmission submission;
        string format;
        try
        {
            (var records, format) = SubmissionFile.Open(message.BlobName, download.Content);
            submission = new SubmissionValidator(config.Catalogue, department.Id, download.Details.LastModified).Validate(records);
        }
        catch (UnreadableSubmissionException e)
        {
            return await RefuseAsync(message, e.Message, cancellationToken, department.Id, hash);
        }

        if (submission.DataRows > options.Value.MaxRows)
        {
            return await RefuseAsync(message, $"行数超过上限 {options.Value.MaxRows:N0}；more than {options.Value.MaxRows:N0} rows.", cancellationToken, department.Id, hash);
        }

        var result = await applier.ApplyAsync(submission.Rows, message.BlobName, hash, cancellationToken);
        var receipt = await WriteAsync(message, new Receipt
        {
            File = message.BlobName,
            Department = department.Id,
            Status = Receipt.AppliedStatus,
            Format = format,
            ContentHash = hash,
            ReceivedAt = time.GetUtcNow(),
            Rows = submission.DataRows,
            Applied = result.Applied,
            Unchanged = result.Unchanged,
            Stale = result.Stale.Count,
            Rejected = submission.RejectedRows,
            Errors = submission.Errors,
            StaleRows = result.Stale,
        }, cancellationToken);

        await RecordAsync(receipt, cancellationToken);
        logger.LogInformation(
            "Ingested {Blob}: {Applied} applied, {Unchanged} unchanged, {Stale} stale, {Rejected} rejected",
            message.BlobName, receipt.Applied, receipt.Unchanged, receipt.Stale, receipt.Rejected);
        return receipt;
    }

    private static Department? DepartmentOf(string blobName)
    {
        var slash = blobName.IndexOf('/');
        return slash > 0 ? Department.Find(blobName[..slash]) : null;
    }

    private async Task RecordAsync(Receipt receipt, CancellationToken cancellationToken)
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

    private Task<Receipt> RefuseAsync(IngestMessage message, string reason, CancellationToken cancellationToken, string? department = null, string hash = "")
    {
        logger.LogWarning("Submission {Blob} was not read: {Reason}", message.BlobName, reason);
        return WriteAsync(message, new Receipt
        {
            File = message.BlobName,
            Department = department ?? DepartmentOf(message.BlobName)?.Id ?? "",
            Status = Receipt.UnreadableStatus,
            ContentHash = hash,
            ReceivedAt = time.GetUtcNow(),
            Message = reason,
        }, cancellationToken);
    }

    private async Task<Receipt> WriteAsync(IngestMessage message, Receipt receipt, CancellationToken cancellationToken)
    {
        await receipts.WriteAsync(receipt, message.ETag, cancellationToken);
        return receipt;
    }
}
