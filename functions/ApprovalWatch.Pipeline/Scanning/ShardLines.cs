using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using ApprovalWatch.Digests;
using ApprovalWatch.Storage;

namespace ApprovalWatch.Scanning;

/// <summary>
/// Each shard's routed digest lines as JSON Lines, sorted by recipient, in <c>digests/lines/{run}/{shard}.jsonl</c>,
/// where the last step of the run reads them all side by side, one recipient at a time.
/// </summary>
public sealed class ShardLines(StorageAccount storage)
{
    public async Task WriteAsync(string run, int shard, IReadOnlyList<RoutedLine> lines, CancellationToken cancellationToken)
    {
        await using var stream = await storage.Digests.GetBlobClient(BlobName(run, shard)).OpenWriteAsync(overwrite: true, cancellationToken: cancellationToken);
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false));
        foreach (var line in lines)
        {
            await writer.WriteLineAsync(JsonSerializer.Serialize(line, StorageJson.Compact).AsMemory(), cancellationToken);
        }
    }

    public async IAsyncEnumerable<RoutedLine> ReadAsync(string run, int shard, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var stream = await storage.Digests.GetBlobClient(BlobName(run, shard)).OpenReadAsync(cancellationToken: cancellationToken);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (await reader.ReadLineAsync(cancellationToken) is { } text)
        {
            yield return JsonSerializer.Deserialize<RoutedLine>(text, StorageJson.Compact) ?? throw new FormatException($"Empty line in {BlobName(run, shard)}");
        }
    }

    public async Task DeleteAsync(string run, int shards, CancellationToken cancellationToken)
    {
        for (var shard = 0; shard < shards; shard++)
        {
            await storage.Digests.GetBlobClient(BlobName(run, shard)).DeleteIfExistsAsync(cancellationToken: cancellationToken);
        }
    }

    private static string BlobName(string run, int shard) => $"lines/{run}/{ScanShardEntity.RowKeyOf(shard)}.jsonl";
}
