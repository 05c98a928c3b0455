using ApprovalWatch.Storage;
using Azure.Storage.Blobs.Models;

namespace ApprovalWatch.Ingestion;

/// <summary>
/// Writes <c>receipts/{department}/{file}.receipt.json</c>. The receipt remembers the ETag of the version
/// it answers, which is how gathering knows that version is done.
/// </summary>
public sealed class ReceiptWriter(StorageAccount storage)
{
    public const string SourceETagMetadata = "sourceetag";

    public static string ReceiptName(string blobName) => blobName + ".receipt.json";

    public async Task WriteAsync(Receipt receipt, string sourceETag, CancellationToken cancellationToken)
    {
        var blob = storage.Receipts.GetBlobClient(ReceiptName(receipt.File));
        await blob.UploadAsync(
            BinaryData.FromObjectAsJson(receipt, StorageJson.Options),
            new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" },
                Metadata = new Dictionary<string, string> { [SourceETagMetadata] = sourceETag },
            },
            cancellationToken);
    }

    public async Task<Receipt?> ReadAsync(string blobName, CancellationToken cancellationToken)
    {
        var blob = storage.Receipts.GetBlobClient(ReceiptName(blobName));
        if (!await blob.ExistsAsync(cancellationToken))
        {
            return null;
        }

        var content = await blob.DownloadContentAsync(cancellationToken);
        return content.Value.Content.ToObjectFromJson<Receipt>(StorageJson.Options);
    }

    /// <summary>Every receipt, for summaries.</summary>
    public async Task<IReadOnlyList<Receipt>> ListAsync(CancellationToken cancellationToken)
    {
        var receipts = new List<Receipt>();
        await foreach (var blob in storage.Receipts.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            var content = await storage.Receipts.GetBlobClient(blob.Name).DownloadContentAsync(cancellationToken);
            receipts.Add(content.Value.Content.ToObjectFromJson<Receipt>(StorageJson.Options)!);
        }

        return receipts;
    }
}
