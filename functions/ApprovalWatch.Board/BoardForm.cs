using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ApprovalWatch.Board;

/// <summary>
/// A posted body as the board reads it: an urlencoded form of at most <see cref="MaxFormBytes"/>, or a multipart form
/// with at most one file of at most the upload limit (its other fields as a form). Null when the body is larger: a body
/// declared larger is refused before a byte of it is read, and one that does not say its length is read no further than
/// the limit.
/// </summary>
public static class BoardForm
{
    /// <summary>The largest urlencoded form the board reads (an acknowledgement's note is at most 500 characters).</summary>
    public const int MaxFormBytes = 16 * 1024;

    // Room for the multipart boundaries and headers around the file.
    private const int MultipartOverhead = 64 * 1024;

    public static async Task<(IReadOnlyDictionary<string, string> Form, UploadedFile? File)?> ReadAsync(
        HttpRequest request,
        long maxFileBytes,
        CancellationToken cancellationToken
    )
    {
        if (!request.HasFormContentType)
        {
            return request.ContentLength > MaxFormBytes ? null : (new Dictionary<string, string>(), null);
        }

        var multipart = request.ContentType!.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase);
        var limit = multipart ? maxFileBytes + MultipartOverhead : MaxFormBytes;
        if (request.ContentLength > limit)
        {
            return null;
        }

        // Buffered as it is read, and no further than the limit: past it the read fails.
        request.EnableBuffering(bufferThreshold: 64 * 1024, bufferLimit: limit);
        try
        {
            var form = await request.ReadFormAsync(
                new FormOptions { MultipartBodyLengthLimit = limit, ValueLengthLimit = MaxFormBytes, MultipartHeadersLengthLimit = 16 * 1024 },
                cancellationToken);
            var fields = form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
            // One file a form: a second is not read.
            if (form.Files.FirstOrDefault() is not { } posted)
            {
                return (fields, null);
            }

            if (posted.Length > maxFileBytes)
            {
                return null;
            }

            using var content = new MemoryStream();
            await posted.CopyToAsync(content, cancellationToken);
            return (fields, new UploadedFile(posted.FileName, content.ToArray()));
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            // A section past the limit, a body longer than it, or one that is not the form it says.
            return null;
        }
    }
}
