using System.Text;
using ApprovalWatch.Pipeline.Storage;
using Microsoft.AspNetCore.Http;

namespace ApprovalWatch.Board;

/// <summary>What the board answers, as ASP.NET Core results, and the headers every answer carries.</summary>
public static class Answer
{
    /// <summary>No script, no third-party origin, no framing: the pages are plain HTML with inline styles and SVG.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public static IResult Html(string html, int status = StatusCodes.Status200OK) => Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);

    public static IResult Json<T>(T value) => Results.Json(value, StorageJson.Options, "application/json; charset=utf-8");

    public static IResult File(byte[] content, string contentType, string fileName) => Results.File(content, contentType, fileName);

    /// <summary>303 See Other: after a post, the browser asks for the page with GET.</summary>
    public static IResult SeeOther(string location) => new SeeOtherResult(location);

    /// <summary>The headers of every answer, set before the page runs.</summary>
    public static void Secure(HttpResponse response)
    {
        var headers = response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        // same-origin, not no-referrer: under no-referrer a browser names the origin of a form it posts "null", and the board
        // accepts a posted form only from its own origin.
        headers["Referrer-Policy"] = "same-origin";
        headers.CacheControl = "no-store";
        headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
    }

    private sealed class SeeOtherResult(string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = location;
            return Task.CompletedTask;
        }
    }
}
