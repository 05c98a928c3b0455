using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
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

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string ReceiptName(string blobName) => blobName + ".receipt.json";

    public async Task WriteAsync(Receipt receipt, string sourceETag, CancellationToken cancellationToken)
    {
        var blob = storage.Receipts.GetBlobClient(ReceiptName(receipt.File));
        await blob.UploadAsync(
            BinaryData.FromObjectAsJson(receipt, Json),
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
        return content.Value.Content.ToObjectFromJson<Receipt>(Json);
    }
}
