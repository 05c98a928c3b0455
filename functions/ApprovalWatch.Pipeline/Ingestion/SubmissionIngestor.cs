using System.Security.Cryptography;
using ApprovalWatch.Calendar;
using ApprovalWatch.Catalogue;
using ApprovalWatch.Configuration;
using ApprovalWatch.Mail;
using ApprovalWatch.Staff;
using ApprovalWatch.Storage;
using ApprovalWatch.Submissions;
using ApprovalWatch.Submissions.Files;
using Azure;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ApprovalWatch.Ingestion;

/// <summary>
/// Reads one submitted file, validates it against the catalogue and the department's authority (its
/// folder), applies the valid rows and writes the receipt; when rows were rejected or the file could not
/// be read, the department's contacts get the receipt by email. The original blob is never changed. The
/// file is copied once to a temporary file (hashed on the way) and read twice, row by row: first to
/// check it whole, so a refused file applies nothing, then to apply it. The same message twice gives the
/// same tables and the same receipt.
/// </summary>
public sealed class SubmissionIngestor(
    StorageAccount storage,
    PipelineConfigLoader configLoader,
    ProcedureApplier applier,
    ReceiptWriter receipts,
    NotificationQueue replies,
    IOptions<IngestOptions> options,
    TimeProvider time,
    ILogger<SubmissionIngestor> logger)
{
    /// <summary>Ingests one blob version; null when that version is gone (deleted or replaced since it was gathered).</summary>
    public async Task<Receipt?> IngestAsync(IngestMessage message, CancellationToken cancellationToken)
    {
        var limits = options.Value.Limits;
        var blob = storage.Submissions.GetBlobClient(message.BlobName);
        var version = new BlobRequestConditions { IfMatch = new ETag(message.ETag) };
        await using var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        BlobProperties properties;
        string hash;
        try
        {
            properties = (await blob.GetPropertiesAsync(version, cancellationToken)).Value;
            hash = properties.ContentLength <= limits.MaxFileBytes ? await DownloadAsync(blob, version, file, cancellationToken) : "";
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            logger.LogInformation("Submission {Blob} version {ETag} is gone (HTTP {Status}); a newer version, if any, is gathered on its own", message.BlobName, message.ETag, e.Status);
            return null;
        }

        var department = DepartmentOf(message.BlobName);
        if (department is null)
        {
            return await RefuseAsync(message, null, hash, $"文件必须放在部门文件夹中；a file must be in a department folder: submissions/{{department}}/ with department one of {string.Join(", ", Department.All.Select(d => d.Id))}.", cancellationToken);
        }

        var config = await configLoader.LoadAsync(cancellationToken);
        if (properties.ContentLength > limits.MaxFileBytes)
        {
            return await RefuseAsync(message, config.Staff, hash, $"文件过大（{properties.ContentLength:N0} 字节）；the file has {properties.ContentLength:N0} bytes, more than the limit of {limits.MaxFileBytes:N0}.", cancellationToken, department.Id);
        }

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
            }, null, cancellationToken);
        }

        SubmissionValidator Validator() => new(config.Catalogue, department.Id, properties.LastModified, limits.MaxRows);
        string format;
        try
        {
            file.Position = 0;
            var check = SubmissionReader.Open(message.BlobName, file, limits);
            format = check.Format;
            foreach (var _ in Validator().Validate(check.Rows))
            {
            }
        }
        catch (UnreadableSubmissionException e)
        {
            return await RefuseAsync(message, config.Staff, hash, e.Message, cancellationToken, department.Id);
        }

        file.Position = 0;
        var validator = Validator();
        var result = await applier.ApplyAsync(validator.Validate(SubmissionReader.Open(message.BlobName, file, limits).Rows), message.BlobName, hash, cancellationToken);
        var receipt = await WriteAsync(message, new Receipt
        {
            File = message.BlobName,
            Department = department.Id,
            Status = Receipt.AppliedStatus,
            Format = format,
            ContentHash = hash,
            ReceivedAt = time.GetUtcNow(),
            Rows = validator.DataRows,
            Applied = result.Applied,
            Unchanged = result.Unchanged,
            Stale = result.Stale.Count,
            Rejected = validator.RejectedRows,
            Errors = validator.Errors,
            ErrorsNotListed = validator.ErrorsNotListed,
            StaleRows = result.Stale,
        }, config.Staff, cancellationToken);

        await RecordAsync(receipt, cancellationToken);
        logger.LogInformation(
            "Ingested {Blob} ({Format}): {Applied} applied, {Unchanged} unchanged, {Stale} stale, {Rejected} rejected",
            message.BlobName, format, receipt.Applied, receipt.Unchanged, receipt.Stale, receipt.Rejected);
        return receipt;
    }

    private static async Task<string> DownloadAsync(Azure.Storage.Blobs.BlobClient blob, BlobRequestConditions version, FileStream file, CancellationToken cancellationToken)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var download = await blob.DownloadStreamingAsync(new BlobDownloadOptions { Conditions = version }, cancellationToken);
        await using var content = download.Value.Content;
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            sha.AppendData(buffer, 0, read);
            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
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

    private Task<Receipt> RefuseAsync(IngestMessage message, StaffDirectory? staff, string hash, string reason, CancellationToken cancellationToken, string? department = null)
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
        }, staff, cancellationToken);
    }

    /// <summary>Writes the receipt; when something was rejected, queues it by email to the department's contacts.</summary>
    private async Task<Receipt> WriteAsync(IngestMessage message, Receipt receipt, StaffDirectory? staff, CancellationToken cancellationToken)
    {
        await receipts.WriteAsync(receipt, message.ETag, cancellationToken);
        if (staff is not null && (receipt.Rejected > 0 || receipt.Status == Receipt.UnreadableStatus))
        {
            foreach (var contact in staff.WithRole(Role.Contact, receipt.Department))
            {
                await replies.QueueReplyAsync(OfficeClock.DateOf(receipt.ReceivedAt), contact.Email, receipt.File, cancellationToken);
            }
        }

        return receipt;
    }
}
