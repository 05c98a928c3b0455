using System.Text.Json;
using Azure;

namespace ApprovalWatch.Pipeline.Storage;

/// <summary>A folder of the reports container where a report keeps its files (<c>weekly/</c>, <c>monthly/</c>): written whole, read back by name.</summary>
public sealed class ReportArchive(StorageAccount storage, string folder)
{
    public string Folder => folder;

    /// <summary>Writes every file (the same report writes the same content).</summary>
    public async Task WriteAsync(IReadOnlyDictionary<string, byte[]> files, CancellationToken cancellationToken)
    {
        foreach (var (name, content) in files)
        {
            await storage.Reports.GetBlobClient(folder + name).UploadAsync(new BinaryData(content), overwrite: true, cancellationToken);
        }
    }

    public async Task<byte[]> ReadAsync(string name, CancellationToken cancellationToken) =>
        (await storage.Reports.GetBlobClient(folder + name).DownloadContentAsync(cancellationToken)).Value.Content.ToArray();

    /// <summary>An archived report's JSON, or null when it is not archived.</summary>
    public async Task<T?> ReadJsonAsync<T>(string name, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            var content = await storage.Reports.GetBlobClient(folder + name).DownloadContentAsync(cancellationToken);
            return JsonSerializer.Deserialize<T>(content.Value.Content.ToString(), StorageJson.Options);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>The names in the folder (without it).</summary>
    public async IAsyncEnumerable<string> NamesAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var blob in storage.Reports.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = folder }, cancellationToken))
        {
            yield return blob.Name[folder.Length..];
        }
    }
}
