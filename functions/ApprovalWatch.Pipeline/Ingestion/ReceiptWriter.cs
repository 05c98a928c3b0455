using ApprovalWatch.Domain.Receipts;
using ApprovalWatch.Pipeline.Storage;
using ApprovalWatch.Presentation.Receipts;
using Azure;
using Azure.Storage.Blobs.Models;

namespace ApprovalWatch.Pipeline.Ingestion;

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
    private const string PageSuffix = ".receipt.html";
    private const int MaxBlobName = 1024;

    public static string ReceiptName(string blobName) => Stem(blobName) + JsonSuffix;

    public static string PageName(string blobName) => Stem(blobName) + PageSuffix;

    /// <summary>
    /// A receipt sits next to its file under the file's name, unless that would pass the 1,024-character limit
    /// of a blob name: then under a hash of the name, in the file's folder.
    /// </summary>
    private static string Stem(string blobName)
    {
        if (blobName.Length + PageSuffix.Length <= MaxBlobName)
        {
            return blobName;
        }

        var slash = blobName.IndexOf('/');
        return $"{(slash is > 0 and < 100 ? blobName[..slash] : "long-names")}/{TableKey.Hash(blobName)}";
    }

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

    public Task<Receipt?> ReadAsync(string blobName, CancellationToken cancellationToken) => ReadReceiptBlobAsync(ReceiptName(blobName), cancellationToken);

    /// <summary>A receipt by the name of its own blob (as listings give it); null when it is gone.</summary>
    public async Task<Receipt?> ReadReceiptBlobAsync(string receiptName, CancellationToken cancellationToken)
    {
        try
        {
            var content = await storage.Receipts.GetBlobClient(receiptName).DownloadContentAsync(cancellationToken);
            return content.Value.Content.ToObjectFromJson<Receipt>(StorageJson.Options);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>The receipt of one version of a file; null until that version's receipt is written.</summary>
    public async Task<Receipt?> ReadVersionAsync(string blobName, string etag, CancellationToken cancellationToken)
    {
        try
        {
            var content = (await storage.Receipts.GetBlobClient(ReceiptName(blobName)).DownloadContentAsync(cancellationToken)).Value;
            return content.Details.Metadata.TryGetValue(SourceETagMetadata, out var source) && source.Trim('"') == etag.Trim('"')
                ? content.Content.ToObjectFromJson<Receipt>(StorageJson.Options)
                : null;
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
                receipts.Add((await ReadReceiptBlobAsync(blob.Name, cancellationToken))!);
            }
        }

        return receipts;
    }
}
