using System.Security.Cryptography;
using ApprovalWatch.Pipeline.Storage;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace ApprovalWatch.Pipeline.Ingestion;

/// <summary>
/// One version of a submitted blob, copied once to a temporary file (deleted on dispose) and hashed on the
/// way, so that it can be read twice without holding it in memory. A file over the size limit is not
/// copied at all.
/// </summary>
public sealed class SubmissionFile : IAsyncDisposable
{
    private SubmissionFile(FileStream content, long length, string hash)
    {
        Content = content;
        Length = length;
        Hash = hash;
    }

    /// <summary>The copy, positioned anywhere: set <see cref="Stream.Position"/> before reading.</summary>
    public FileStream Content { get; }

    public long Length { get; }

    /// <summary>SHA-256 of the content, lower-case hex; empty for a file over the limit, which was not copied.</summary>
    public string Hash { get; }

    public DateTimeOffset LastModified { get; private init; }

    /// <summary>Null when that version is gone (deleted or replaced since it was gathered).</summary>
    public static async Task<SubmissionFile?> DownloadAsync(
        BlobContainerClient submissions,
        IngestMessage message,
        long maxBytes,
        CancellationToken cancellationToken
    )
    {
        var blob = submissions.GetBlobClient(message.BlobName);
        var version = new BlobRequestConditions { IfMatch = new ETag(message.ETag) };
        var file = new FileStream(
            Path.GetTempFileName(),
            FileMode.Create,
            FileAccess.ReadWrite,
            FileShare.None,
            64 * 1024,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous
        );
        try
        {
            var properties = (await blob.GetPropertiesAsync(version, cancellationToken)).Value;
            var hash = properties.ContentLength <= maxBytes ? await CopyAsync(blob, version, file, cancellationToken) : "";
            return new SubmissionFile(file, properties.ContentLength, hash) { LastModified = properties.LastModified };
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            await file.DisposeAsync();
            return null;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => Content.DisposeAsync();

    private static async Task<string> CopyAsync(BlobClient blob, BlobRequestConditions version, FileStream file, CancellationToken cancellationToken)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var download = await blob.DownloadStreamingAsync(new BlobDownloadOptions { Conditions = version }, cancellationToken);
        await using var content = download.Value.Content;
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            sha.AppendData(buffer, 0, read);
            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
