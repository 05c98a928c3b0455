using ApprovalWatch.Domain.Staff;
using ApprovalWatch.Domain.Submissions;
using ApprovalWatch.Pipeline.Storage;
using Azure.Storage.Blobs.Models;

namespace ApprovalWatch.Pipeline.Ingestion;

/// <summary>
/// A file uploaded on the board: stored in its uploader's department folder with who uploaded it, claimed as queued and
/// queued at once (a gather run in between leaves that version alone).
/// </summary>
public sealed class Uploads(StorageAccount storage, IngestClaims claims, TimeProvider time)
{
    /// <returns>The blob's name and the version uploaded.</returns>
    public async Task<(string Name, string ETag)> UploadAsync(Person uploader, string fileName, byte[] content, CancellationToken cancellationToken)
    {
        var name = $"{uploader.Department}/{UploadName.Of(fileName, time.GetUtcNow())}";
        var stored = await storage
            .Submissions.GetBlobClient(name)
            .UploadAsync(
                BinaryData.FromBytes(content),
                new BlobUploadOptions { Metadata = new Dictionary<string, string> { [SubmissionFile.UploadedByMetadata] = uploader.Email } },
                cancellationToken
            );
        var etag = stored.Value.ETag.ToString();
        await claims.QueuedAsync(name, etag, null, cancellationToken);
        await storage.IngestQueue.SendMessageAsync(QueueMessages.Write(new IngestMessage(name, etag)), cancellationToken);
        return (name, etag);
    }
}
