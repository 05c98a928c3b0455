using ApprovalWatch.Pipeline.Storage;
using Azure;
using Azure.Storage.Blobs.Models;

namespace ApprovalWatch.Pipeline.Reference;

/// <summary>
/// The last accepted copy of each configuration file, kept in storage (<c>config-lastgood/</c>, the app's own): what a
/// fresh process serves, scans and reports from when the file in <c>config/</c> is refused. A copy is written only when
/// the accepted file changed (its ETag in the copy's metadata), and a calendar file no longer in force is dropped with
/// the set it belonged to.
/// </summary>
public sealed class LastGoodConfiguration(StorageAccount storage)
{
    private const string SourceTag = "source_etag";

    /// <summary>Keeps the accepted files; with <paramref name="replacing"/>, drops the copies under that prefix the files no longer have.</summary>
    public async Task KeepAsync(IReadOnlyList<ConfigFile> accepted, string? replacing, CancellationToken cancellationToken)
    {
        var kept = new Dictionary<string, string?>(StringComparer.Ordinal);
        await foreach (var blob in storage.LastGoodConfig.GetBlobsAsync(new GetBlobsOptions { Traits = BlobTraits.Metadata }, cancellationToken))
        {
            kept[blob.Name] = blob.Metadata.TryGetValue(SourceTag, out var tag) ? tag : null;
        }

        foreach (var file in accepted.Where(f => !kept.TryGetValue(f.Name, out var tag) || tag != f.ETag))
        {
            await storage.LastGoodConfig.GetBlobClient(file.Name).UploadAsync(
                BinaryData.FromString(file.Text),
                new BlobUploadOptions { Metadata = new Dictionary<string, string> { [SourceTag] = file.ETag } },
                cancellationToken
            );
        }

        if (replacing is null)
        {
            return;
        }

        var current = accepted.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in kept.Keys.Where(n => n.StartsWith(replacing, StringComparison.Ordinal) && !current.Contains(n)))
        {
            await storage.LastGoodConfig.DeleteBlobIfExistsAsync(stale, cancellationToken: cancellationToken);
        }
    }

    /// <summary>The kept copies of the named files and of every file under <paramref name="prefix"/>; empty when none was ever kept.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ReadAsync(IEnumerable<string> names, string? prefix, CancellationToken cancellationToken)
    {
        var wanted = names.ToHashSet(StringComparer.Ordinal);
        var copies = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            await foreach (var blob in storage.LastGoodConfig.GetBlobsAsync(cancellationToken: cancellationToken))
            {
                if (wanted.Contains(blob.Name) || (prefix is not null && blob.Name.StartsWith(prefix, StringComparison.Ordinal)))
                {
                    var content = await storage.LastGoodConfig.GetBlobClient(blob.Name).DownloadContentAsync(cancellationToken);
                    copies[blob.Name] = content.Value.Content.ToString();
                }
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // No copy was ever kept (the container is made on the app's first start).
        }

        return copies;
    }
}

/// <summary>A configuration file as read: its name in <c>config/</c>, its ETag there and its text.</summary>
public sealed record ConfigFile(string Name, string ETag, string Text);
