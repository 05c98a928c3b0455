namespace ApprovalWatch.Pipeline.Web;

/// <summary>
/// An HTTP request as the board sees it, whoever serves it (the Functions app's HTTP triggers, or the CLI's
/// local server): the method, the path under the app, the query, a posted form, and the signed-in person's email.
/// </summary>
public sealed record WebRequest(string Method, string Path, IReadOnlyDictionary<string, string> Query, string? Principal, IReadOnlyDictionary<string, string>? Form = null)
{
    /// <summary>The host the request was sent to, and the origin a browser says a posted form came from (null: not said).</summary>
    public string? Host { get; init; }

    public string? Origin { get; init; }

    /// <summary>The file posted with a multipart form, if any.</summary>
    public UploadedFile? File { get; init; }

    /// <summary>The request with what was posted.</summary>
    public WebRequest With(RequestBody? body) => body is null ? this : this with { Form = body.Form, File = body.File };

    /// <summary>A form posted from the board's own pages (a browser that names no origin is taken at its word only without one).</summary>
    public bool SameOrigin => Origin is null || (Host is not null && Uri.TryCreate(Origin, UriKind.Absolute, out var origin) && string.Equals(origin.Authority, Host, StringComparison.OrdinalIgnoreCase));

    /// <summary>A request for a path with its query (<c>/procedures?flag=red</c>).</summary>
    public static WebRequest Of(string method, string pathAndQuery, string? principal, IReadOnlyDictionary<string, string>? form = null)
    {
        var at = pathAndQuery.IndexOf('?');
        return new WebRequest(method.ToUpperInvariant(), at < 0 ? pathAndQuery : pathAndQuery[..at], ParseQuery(at < 0 ? null : pathAndQuery[at..]), principal, form);
    }

    /// <summary>
    /// Reads a posted form of at most <see cref="BoardApp.MaxFormBytes"/>; null when it is larger. A body declared larger
    /// is refused before a byte of it is read, and one that does not say its length is read no further than the limit.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>?> ReadFormAsync(Stream body, long? declaredLength, CancellationToken cancellationToken)
    {
        if (declaredLength > BoardApp.MaxFormBytes)
        {
            return null;
        }

        var buffer = new byte[BoardApp.MaxFormBytes + 1];
        var read = 0;
        while (read < buffer.Length && await body.ReadAsync(buffer.AsMemory(read), cancellationToken) is var n and > 0)
        {
            read += n;
        }

        return read > BoardApp.MaxFormBytes ? null : ParseQuery(System.Text.Encoding.UTF8.GetString(buffer, 0, read));
    }

    public string? Get(string name) => Query.TryGetValue(name, out var value) && value.Length > 0 ? value : null;


    /// <summary>Parses <c>a=1&amp;b=2</c> (a query string or an urlencoded form).</summary>
    public static Dictionary<string, string> ParseQuery(string? text)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in (text ?? "").TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var at = pair.IndexOf('=');
            var name = Uri.UnescapeDataString((at < 0 ? pair : pair[..at]).Replace('+', ' '));
            values[name] = at < 0 ? "" : Uri.UnescapeDataString(pair[(at + 1)..].Replace('+', ' '));
        }

        return values;
    }
}
