using ApprovalWatch.Domain.Reference;
using Microsoft.AspNetCore.Http;

namespace ApprovalWatch.Board;

/// <summary>A file posted in a form: the name the browser gave it and its bytes.</summary>
/// <summary>A posted file: its name as the browser gave it, its length, and its content where the request buffered it.</summary>
public sealed record UploadedFile(string Name, long Length, Func<Stream> Open);

/// <summary>
/// A request as every page of the board sees it once the person is known: who asks, in which language, the day's
/// reference data, whether the JSON API was asked (<c>/api/…</c>), and what was posted.
/// </summary>
public sealed record BoardRequest(HttpContext Http, Viewer Viewer, Page Page, ReferenceData Reference, bool Api)
{
    public IReadOnlyDictionary<string, string> Form { get; init; } = new Dictionary<string, string>();

    public UploadedFile? File { get; init; }

    public bool Posted => HttpMethods.IsPost(Http.Request.Method);

    public CancellationToken Aborted => Http.RequestAborted;

    /// <summary>A query value, null when absent or empty.</summary>
    public string? Query(string name) => Http.Request.Query.TryGetValue(name, out var value) && value.ToString() is { Length: > 0 } text ? text : null;
}
