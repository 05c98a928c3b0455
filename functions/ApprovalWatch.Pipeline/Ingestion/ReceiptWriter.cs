using ApprovalWatch.Receipts;
using ApprovalWatch.Storage;
using Azure;
using Azure.Storage.Blobs.Models;

namespace ApprovalWatch.Ingestion;

/// <summary>
/// Writes the receipt of a file next to it: <c>receipts/{department}/{file}.receipt.json</c> for programs
/// and <c>.receipt.html</c> for people. The JSON receipt remembers the ETag of the version it answers,
/// which is how gathering knows that version is done, so it is written last.
/// </summary>
public sealed class ReceiptWriter(StorageAccount storage)
{
    public const string SourceETagMetadata = "sourceetag";
    public const string StatusMetadata = "status";
    public const string ReceivedAtMetadata = "receivedat";
    private const string JsonSuffix = ".receipt.json";

    public static string ReceiptName(string blobName) => blobName + JsonSuffix;

    public static string PageName(string blobName) => blobName + ".receipt.html";

    public async Task WriteAsync(Receipt receipt, string sourceETag, CancellationToken cancellationToken)
    {
        await storage.Receipts.GetBlobClient(PageName(receipt.File)).UploadAsync(
            BinaryData.FromString(ReceiptRenderer.Render(receipt).Html),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "text/html; charset=utf-8" } },
            cancellationToken);
        await storage.Receipts.GetBlobClient(ReceiptName(receipt.File)).UploadAsync(
            BinaryData.FromObjectAsJson(receipt, StorageJson.Options),
            new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" },
                Metadata = new Dictionary<string, string>
                {
                    [SourceETagMetadata] = sourceETag,
                    [StatusMetadata] = receipt.Status,
                    [ReceivedAtMetadata] = receipt.ReceivedAt.ToString("o", System.Globalization.CultureInfo.InvariantCulture),
                },
            },
            cancellationToken);
    }

    public async Task<Receipt?> ReadAsync(string blobName, CancellationToken cancellationToken)
    {
        try
        {
            var content = await storage.Receipts.GetBlobClient(ReceiptName(blobName)).DownloadContentAsync(cancellationToken);
            return content.Value.Content.ToObjectFromJson<Receipt>(StorageJson.Options);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Every receipt, for summaries.</summary>
    public async Task<IReadOnlyList<Receipt>> ListAsync(CancellationToken cancellationToken)
    {
        var receipts = new List<Receipt>();
        await foreach (var blob in storage.Receipts.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            if (blob.Name.EndsWith(JsonSuffix, StringComparison.Ordinal))
            {
                receipts.Add((await ReadAsync(blob.Name[..^JsonSuffix.Length], cancellationToken))!);
            }
        }

        return receipts;
    }
}
