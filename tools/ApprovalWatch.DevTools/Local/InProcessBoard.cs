using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using ApprovalWatch.Board;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalWatch.DevTools.Local;

/// <summary>What the board answered: its status, its headers (with the content type) and its body.</summary>
public sealed record BoardAnswer(int Status, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string Text => Encoding.UTF8.GetString(Body);
}

/// <summary>
/// The board's pipeline asked in process, without a server: a request made as ASP.NET Core hands it in, as a person the
/// host signed in (none when null), from a given host and origin. For tests and the demo's scripted clicks.
/// </summary>
public sealed class InProcessBoard(IServiceProvider services)
{
    public const string Host = "127.0.0.1:8080";

    public Task<BoardAnswer> GetAsync(string pathAndQuery, string? principal, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethods.Get, pathAndQuery, principal, null, cancellationToken: cancellationToken);

    /// <summary>Posts an urlencoded form.</summary>
    public Task<BoardAnswer> PostAsync(
        string pathAndQuery,
        string? principal,
        IReadOnlyDictionary<string, string> form,
        string? origin = null,
        CancellationToken cancellationToken = default
    ) => SendAsync(HttpMethods.Post, pathAndQuery, principal, new FormUrlEncodedContent(form), origin, cancellationToken);

    public async Task<BoardAnswer> SendAsync(
        string method,
        string pathAndQuery,
        string? principal,
        HttpContent? content,
        string? origin = null,
        CancellationToken cancellationToken = default,
        string host = Host,
        IReadOnlyDictionary<string, string>? requestHeaders = null
    )
    {
        var http = new DefaultHttpContext { RequestServices = services, User = principal is null ? new ClaimsPrincipal() : HostSignIn.As(principal) };
        var at = pathAndQuery.IndexOf('?');
        http.Request.Method = method;
        http.Request.Scheme = "http";
        http.Request.Host = new HostString(host);
        http.Request.Path = at < 0 ? pathAndQuery : pathAndQuery[..at];
        http.Request.QueryString = new QueryString(at < 0 ? null : pathAndQuery[at..]);
        foreach (var (name, value) in requestHeaders ?? new Dictionary<string, string>())
        {
            http.Request.Headers[name] = value;
        }

        if (origin is not null)
        {
            http.Request.Headers.Origin = origin;
        }

        if (content is not null)
        {
            var body = await content.ReadAsByteArrayAsync(cancellationToken);
            http.Request.ContentType = content.Headers.ContentType?.ToString();
            http.Request.ContentLength = content.Headers.ContentLength ?? body.Length;
            http.Request.Body = new MemoryStream(body);
        }

        var response = new MemoryStream();
        http.Response.Body = response;
        http.RequestAborted = cancellationToken;
        await services.GetRequiredService<BoardPipeline>().ServeAsync(http);
        var headers = http.Response.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        return new BoardAnswer(http.Response.StatusCode, headers, response.ToArray());
    }

    /// <summary>A multipart form with one file, as a browser posts the submit page.</summary>
    public static MultipartFormDataContent FileForm(string fileName, byte[] content, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return form;
    }
}
