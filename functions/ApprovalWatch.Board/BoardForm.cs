using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ApprovalWatch.Board;

/// <summary>
/// A posted body as the board reads it: an urlencoded form of at most <see cref="MaxFormBytes"/>, or — on the upload
/// route alone — a multipart form with at most one file of at most the upload limit (its other fields as a form). A body
/// declared larger is refused before a byte of it is read (413), one that does not say its length is read no further
/// than the limit; a multipart body where no file is taken is refused unread (415), and one that is not the form it says
/// gets a 400 naming the fault. The file stays where ASP.NET Core buffered it (on disk past 64 KiB) and is streamed on.
/// </summary>
public static class BoardForm
{
    /// <summary>The largest urlencoded form the board reads (an acknowledgement's note is at most 500 characters).</summary>
    public const int MaxFormBytes = 16 * 1024;

    // Room for the multipart boundaries and headers around the file.
    private const int MultipartOverhead = 64 * 1024;

    /// <summary>What was read, or why nothing was: the status to answer and the fault.</summary>
    public sealed record Read(IReadOnlyDictionary<string, string> Form, UploadedFile? File, int Status = StatusCodes.Status200OK, string? Fault = null)
    {
        public bool Refused => Status != StatusCodes.Status200OK;

        public static Read No(int status, string? fault = null) => new(new Dictionary<string, string>(), null, status, fault);
    }

    /// <param name="maxFileBytes">The largest file the route takes; null where it takes none.</param>
    public static async Task<Read> ReadAsync(HttpRequest request, long? maxFileBytes, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return request.ContentLength > MaxFormBytes ? Read.No(StatusCodes.Status413PayloadTooLarge) : new Read(new Dictionary<string, string>(), null);
        }

        var multipart = request.ContentType!.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase);
        if (multipart && maxFileBytes is null)
        {
            return Read.No(StatusCodes.Status415UnsupportedMediaType);
        }

        var limit = multipart ? maxFileBytes!.Value + MultipartOverhead : MaxFormBytes;
        if (request.ContentLength > limit)
        {
            return Read.No(StatusCodes.Status413PayloadTooLarge);
        }

        // Buffered as it is read (on disk past 64 KiB), and no further than the limit: past it the read fails.
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
                return new Read(fields, null);
            }

            return posted.Length > maxFileBytes
                ? Read.No(StatusCodes.Status413PayloadTooLarge)
                : new Read(fields, new UploadedFile(posted.FileName, posted.Length, posted.OpenReadStream));
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            // A body longer than the limit, or one that is not the form it says (no boundary, a section cut short…).
            return e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase) || e is BadHttpRequestException { StatusCode: 413 }
                ? Read.No(StatusCodes.Status413PayloadTooLarge)
                : Read.No(StatusCodes.Status400BadRequest, e.Message);
        }
    }
}
