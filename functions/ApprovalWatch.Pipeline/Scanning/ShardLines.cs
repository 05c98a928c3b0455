using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using ApprovalWatch.Domain.Digests;
using ApprovalWatch.Pipeline.Events;
using ApprovalWatch.Pipeline.Storage;
using Azure.Storage.Blobs.Models;

namespace ApprovalWatch.Pipeline.Scanning;

/// <summary>
/// Each shard's routed digest lines as gzipped JSON Lines in runs sorted by recipient,
/// <c>digests/lines/{run}/{shard}/{n}.jsonl.gz</c>, where the last step of the run reads every run side by side,
/// one recipient at a time. A shard writes a run whenever it has gathered enough lines, so it never holds more.
/// Lines repeat names and codes, so a run shrinks about tenfold: the store moves a tenth of the bytes.
/// </summary>
public sealed class ShardLines(StorageAccount storage)
{
    // The planner reads every run side by side: the SDK's default 4 MiB buffer per stream would make memory grow with the runs.
    private const int BufferBytes = 64 * 1024;

    /// <summary>Packs the run at once and uploads it; the upload holds only the packed bytes, not the lines.</summary>
    public Task WriteRunAsync(string run, int shard, int index, IReadOnlyList<RoutedLine> lines, CancellationToken cancellationToken) =>
        UploadAsync($"{ShardPrefix(run, shard)}{index:D5}.jsonl.gz", Pack(lines), cancellationToken);

    private static MemoryStream Pack(IReadOnlyList<RoutedLine> lines)
    {
        var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true))
        {
            foreach (var line in lines)
            {
                JsonSerializer.Serialize(gzip, line, StorageJson.Compact);
                gzip.WriteByte((byte)'\n');
            }
        }

        packed.Position = 0;
        return packed;
    }

    private async Task UploadAsync(string name, MemoryStream packed, CancellationToken cancellationToken)
    {
        await using (packed)
        {
            await storage.Digests.GetBlobClient(name).UploadAsync(packed, overwrite: true, cancellationToken);
        }
    }

    /// <summary>The lines of a shard that call for a supervision notice, beside its runs (a retry writes them again).</summary>
    public Task WriteNoticeCallsAsync(string run, int shard, IReadOnlyList<NoticeCall> calls, CancellationToken cancellationToken) =>
        UploadAsync(
            $"{CallsPrefix(run)}{ScanShardEntity.RowKeyOf(shard)}.json",
            new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(calls, StorageJson.Compact)),
            cancellationToken
        );

    /// <summary>Every shard's lines that call for a notice, in shard order.</summary>
    public async Task<IReadOnlyList<NoticeCall>> ReadNoticeCallsAsync(string run, CancellationToken cancellationToken)
    {
        var calls = new List<NoticeCall>();
        foreach (var name in (await NamesAsync(CallsPrefix(run), cancellationToken)).Order(StringComparer.Ordinal))
        {
            var content = await storage.Digests.GetBlobClient(name).DownloadContentAsync(cancellationToken);
            calls.AddRange(content.Value.Content.ToObjectFromJson<List<NoticeCall>>(StorageJson.Compact) ?? []);
        }

        return calls;
    }

    /// <summary>Every run of every shard of a scan run, each sorted by recipient.</summary>
    public async Task<IReadOnlyList<IAsyncEnumerable<RoutedLine>>> ReadRunsAsync(string run, CancellationToken cancellationToken) =>
        (await NamesAsync(RunPrefix(run), cancellationToken)).Select(name => ReadAsync(name, cancellationToken)).ToList();

    /// <summary>What a shard wrote before (a try that failed half way), so that a retry's runs are the only ones.</summary>
    public Task DeleteShardAsync(string run, int shard, CancellationToken cancellationToken) => DeletePrefixAsync(ShardPrefix(run, shard), cancellationToken);

    public async Task DeleteAsync(string run, CancellationToken cancellationToken)
    {
        await DeletePrefixAsync(RunPrefix(run), cancellationToken);
        await DeletePrefixAsync(CallsPrefix(run), cancellationToken);
    }

    private async IAsyncEnumerable<RoutedLine> ReadAsync(string name, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var stream = await storage
            .Digests.GetBlobClient(name)
            .OpenReadAsync(new BlobOpenReadOptions(allowModifications: false) { BufferSize = BufferBytes }, cancellationToken);
        // A run written before runs were packed (a scan in flight across a deployment) is read as it is.
        await using var text = name.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(stream, CompressionMode.Decompress) : stream;
        using var reader = new StreamReader(text, Encoding.UTF8);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            yield return JsonSerializer.Deserialize<RoutedLine>(line, StorageJson.Compact) ?? throw new FormatException($"Empty line in {name}");
        }
    }

    private async Task DeletePrefixAsync(string prefix, CancellationToken cancellationToken)
    {
        foreach (var name in await NamesAsync(prefix, cancellationToken))
        {
            await storage.Digests.GetBlobClient(name).DeleteIfExistsAsync(cancellationToken: cancellationToken);
        }
    }

    private async Task<List<string>> NamesAsync(string prefix, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        await foreach (var blob in storage.Digests.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken))
        {
            names.Add(blob.Name);
        }

        return names;
    }

    private static string RunPrefix(string run) => $"lines/{run}/";

    private static string CallsPrefix(string run) => $"notice-calls/{run}/";

    private static string ShardPrefix(string run, int shard) => $"{RunPrefix(run)}{ScanShardEntity.RowKeyOf(shard)}/";
}
