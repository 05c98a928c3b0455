using ApprovalWatch.Domain.Staff;
using ApprovalWatch.Domain.Submissions;
using ApprovalWatch.Pipeline.Storage;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ApprovalWatch.Pipeline.Ingestion;

/// <summary>
/// A file uploaded on the board: stored in its uploader's department folder, who uploaded it recorded in the app's own
/// ledger, and claimed as queued (a gather run in between leaves that version alone); a small file is read at once, so
/// its receipt is there when the page turns, and a large one — or one whose reading failed here — is queued.
/// </summary>
public sealed class Uploads(
    StorageAccount storage,
    IngestClaims claims,
    SubmissionLedger ledger,
    SubmissionIngestor ingestor,
    IOptions<IngestOptions> options,
    TimeProvider time,
    ILogger<Uploads> logger
)
{
    /// <returns>The blob's name and the version uploaded.</returns>
    public async Task<(string Name, string ETag)> UploadAsync(
        Person uploader,
        string fileName,
        Stream content,
        long length,
        CancellationToken cancellationToken
    )
    {
        var name = $"{uploader.Department}/{UploadName.Of(fileName, time.GetUtcNow())}";
        var stored = await storage.Submissions.GetBlobClient(name).UploadAsync(content, new BlobUploadOptions(), cancellationToken);
        var etag = stored.Value.ETag.ToString();
        await ledger.RecordUploadAsync(name, etag, uploader.Email, time.GetUtcNow(), cancellationToken);
        await claims.QueuedAsync(name, etag, null, cancellationToken);
        var message = new IngestMessage(name, etag);
        if (length <= options.Value.ReadAtOnceBytes)
        {
            try
            {
                await ingestor.IngestAsync(message, cancellationToken);
                return (name, etag);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Reading {Blob} at once failed; it is queued", name);
            }
        }

        await storage.IngestQueue.SendMessageAsync(QueueMessages.Write(message), cancellationToken);
        return (name, etag);
    }
}
