using ApprovalWatch.Domain.Digests;
using ApprovalWatch.Domain.Text;
using ApprovalWatch.Pipeline.Storage;
using Azure.Storage.Blobs.Models;

namespace ApprovalWatch.Pipeline.Scanning;

/// <summary>
/// Keeps each digest waiting to be sent as a blob, <c>digests/{date}/{recipient}.json</c>: a queue message
/// holds only 64 KiB, so the notify message names the digest instead of carrying it. Beside them, each
/// recipient's <see cref="DigestMemory"/> (<c>digests/memory/{recipient}.json</c>), what his next digest is compared with.
/// </summary>
public sealed class DigestStore(StorageAccount storage)
{
    public static string BlobName(DateOnly date, string recipient) => $"{IsoDate.Format(date)}/{recipient.ToLowerInvariant()}.json";

    public Task WriteAsync(Digest digest, CancellationToken cancellationToken) =>
        storage.Digests.GetBlobClient(BlobName(digest.Date, digest.RecipientEmail)).UploadAsync(
            BinaryData.FromObjectAsJson(digest, StorageJson.Options),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" } },
            cancellationToken);

    public async Task<DigestMemory?> ReadMemoryAsync(string recipient, CancellationToken cancellationToken)
    {
        var blob = storage.Digests.GetBlobClient(MemoryBlobName(recipient));
        try
        {
            return (await blob.DownloadContentAsync(cancellationToken)).Value.Content.ToObjectFromJson<DigestMemory>(StorageJson.Options);
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public Task WriteMemoryAsync(string recipient, DigestMemory memory, CancellationToken cancellationToken) =>
        storage
            .Digests.GetBlobClient(MemoryBlobName(recipient))
            .UploadAsync(BinaryData.FromObjectAsJson(memory, StorageJson.Options), overwrite: true, cancellationToken);

    private static string MemoryBlobName(string recipient) => $"memory/{recipient.ToLowerInvariant()}.json";

    public async Task<Digest> ReadAsync(DateOnly date, string recipient, CancellationToken cancellationToken)
    {
        var name = BlobName(date, recipient);
        var content = await storage.Digests.GetBlobClient(name).DownloadContentAsync(cancellationToken);
        var digest = content.Value.Content.ToObjectFromJson<Digest>(StorageJson.Options) ?? throw new FormatException($"Digest {name} is empty.");
        return digest.Version <= Digest.CurrentVersion
            ? digest
            : throw new FormatException(
                $"Digest {name} was written by a newer version of the app (version {digest.Version}); this one reads up to {Digest.CurrentVersion}."
            );
    }
}
