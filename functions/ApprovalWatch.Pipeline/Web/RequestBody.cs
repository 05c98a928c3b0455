using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace ApprovalWatch.Pipeline.Web;

/// <summary>A file posted in a form: the name the browser gave it and its bytes.</summary>
public sealed record UploadedFile(string Name, byte[] Content);

/// <summary>
/// A posted body as the board reads it, whoever serves it: an urlencoded form of at most
/// <see cref="BoardApp.MaxFormBytes"/>, or a multipart form with at most one file of at most the upload limit (its
/// other fields as a form). Null when the body is larger than that: a body declared larger is refused before a byte of
/// it is read, and one that does not say its length is read no further than the limit.
/// </summary>
public sealed record RequestBody(IReadOnlyDictionary<string, string> Form, UploadedFile? File)
{
    // Room for the multipart boundaries and headers around the file.
    private const int MultipartOverhead = 64 * 1024;

    public static async Task<RequestBody?> ReadAsync(string? contentType, Stream body, long? declaredLength, long maxFileBytes, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return await WebRequest.ReadFormAsync(body, declaredLength, cancellationToken) is { } form ? new RequestBody(form, null) : null;
        }

        if (declaredLength > maxFileBytes + MultipartOverhead || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
        {
            return null;
        }

        // The whole body first, no further than the limit: a body that does not say its length cannot run on.
        var limit = maxFileBytes + MultipartOverhead;
        var buffered = new MemoryStream();
        var chunk = new byte[81920];
        while (await body.ReadAsync(chunk, cancellationToken) is var n and > 0)
        {
            if (buffered.Length + n > limit)
            {
                return null;
            }

            buffered.Write(chunk, 0, n);
        }

        buffered.Position = 0;
        var reader = new MultipartReader(boundary, buffered) { BodyLengthLimit = maxFileBytes, HeadersLengthLimit = 16 * 1024 };
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        UploadedFile? file = null;
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || HeaderUtilities.RemoveQuotes(disposition.Name).Value is not { } name)
                {
                    continue;
                }

                if (disposition.IsFileDisposition())
                {
                    using var content = new MemoryStream();
                    await section.Body.CopyToAsync(content, cancellationToken);
                    // One file a form: a second is not read.
                    file ??= new UploadedFile(HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "", content.ToArray());
                }
                else
                {
                    using var text = new StreamReader(section.Body, Encoding.UTF8);
                    var value = await text.ReadToEndAsync(cancellationToken);
                    if (value.Length > BoardApp.MaxFormBytes)
                    {
                        return null;
                    }

                    fields[name] = value;
                }
            }
        }
        catch (InvalidDataException)
        {
            // A section past the limit, or a body that is not the multipart it says.
            return null;
        }

        return new RequestBody(fields, file);
    }
}
