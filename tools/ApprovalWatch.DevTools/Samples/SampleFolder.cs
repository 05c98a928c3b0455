using ApprovalWatch.Cli.Configuration;
using ApprovalWatch.Pipeline.Storage;
using Azure.Storage.Blobs;

namespace ApprovalWatch.DevTools.Samples;

/// <summary>A local folder laid out like storage: <c>config/…</c> and <c>submissions/{department}/…</c>.</summary>
public sealed class SampleFolder(string path)
{
    public string Path { get; } = path;

    /// <summary>The folder given, or <c>samples/</c> in the current folder or the nearest one above it.</summary>
    public static SampleFolder Find(string? given)
    {
        if (given is not null)
        {
            return Directory.Exists(given) ? new SampleFolder(given) : throw new DirectoryNotFoundException($"No samples folder at {given}.");
        }

        return ConfigFolder.SamplesAbove() is { } samples
            ? new SampleFolder(samples)
            : throw new DirectoryNotFoundException("No samples/ folder here or above: pass --samples DIR (for demo) or --config DIR.");
    }

    public ConfigFolder Config => new(System.IO.Path.Combine(Path, "config"));

    /// <summary>Uploads <c>config/</c> and <c>submissions/</c> into their containers; the number of files uploaded.</summary>
    /// <summary>The group robots the samples' <c>config/chat.csv</c> names; none without it.</summary>
    public IReadOnlyList<Domain.Chat.ChatRobot> ChatRobots()
    {
        var file = System.IO.Path.Combine(Path, "config", Domain.Chat.ChatRobot.BlobName);
        using var reader = File.Exists(file) ? File.OpenText(file) : null;
        return reader is null ? [] : Domain.Chat.ChatRobot.Parse(reader);
    }

    public async Task<int> UploadAsync(StorageAccount storage, CancellationToken cancellationToken) =>
        await UploadFolderAsync(System.IO.Path.Combine(Path, "config"), storage.Config, cancellationToken)
        + await UploadFolderAsync(System.IO.Path.Combine(Path, "submissions"), storage.Submissions, cancellationToken);

    private static async Task<int> UploadFolderAsync(string folder, BlobContainerClient container, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder))
        {
            return 0;
        }

        var files = Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        foreach (var file in files)
        {
            var name = System.IO.Path.GetRelativePath(folder, file).Replace('\\', '/');
            await container.GetBlobClient(name).UploadAsync(file, overwrite: true, cancellationToken);
        }

        return files.Count;
    }
}
