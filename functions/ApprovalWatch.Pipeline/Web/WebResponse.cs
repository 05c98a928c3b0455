using System.Text;
using System.Text.Json;

namespace ApprovalWatch.Pipeline.Web;

/// <summary>What the board answers: a status, a content type and a body, with the headers every answer carries.</summary>
public sealed record WebResponse(int Status, string ContentType, byte[] Body, IReadOnlyDictionary<string, string>? Extra = null)
{
    /// <summary>No script, no third-party origin, no framing: the pages are plain HTML with inline styles and SVG.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public IEnumerable<KeyValuePair<string, string>> Headers =>
        new Dictionary<string, string>
        {
            ["Content-Type"] = ContentType,
            ["Content-Security-Policy"] = ContentSecurityPolicy,
            ["X-Content-Type-Options"] = "nosniff",
            // same-origin, not no-referrer: under no-referrer a browser names the origin of a form it posts "null", and the board
            // accepts a posted form only from its own origin.
            ["Referrer-Policy"] = "same-origin",
            ["Cache-Control"] = "no-store",
            ["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains",
        }.Concat(Extra ?? new Dictionary<string, string>());

    public static WebResponse Html(string html, int status = 200) => new(status, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(html));

    public static WebResponse Json<T>(T value, int status = 200) => new(status, "application/json; charset=utf-8", JsonSerializer.SerializeToUtf8Bytes(value, Storage.StorageJson.Options));

    public static WebResponse File(byte[] content, string contentType, string fileName) =>
        new(200, contentType, content, new Dictionary<string, string> { ["Content-Disposition"] = $"attachment; filename*=UTF-8''{Uri.EscapeDataString(fileName)}" });

    public static WebResponse Redirect(string location) => new(303, "text/plain; charset=utf-8", [], new Dictionary<string, string> { ["Location"] = location });
}
