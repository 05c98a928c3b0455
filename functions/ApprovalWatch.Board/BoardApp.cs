using ApprovalWatch.Domain.Calendar;
using ApprovalWatch.Pipeline.Reference;
using Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ApprovalWatch.Board;

/// <summary>
/// What every request of the board goes through before its page: the headers every answer carries, the person the host
/// verified (401 otherwise) as the directory knows him (403 otherwise), a contact kept to the submit pages, a posted form
/// only from the board's own origin and no larger than it reads (413), and a page that says so when the store or the
/// configuration fails (503, with an id the operator finds in the log).
/// </summary>
public sealed class BoardApp(ReferenceDataLoader referenceLoader, ISignIn signIn, SubmitPage submit, ILogger<BoardApp> logger)
{
    /// <summary>
    /// Who may open a page — everyone the board serves, or not a contact who only submits — and whether it takes a file
    /// (the upload route alone parses a multipart body).
    /// </summary>
    public enum Access
    {
        Board,
        Submitting,
        Uploading,
    }

    public async Task ServeAsync(HttpContext http, bool api, Access access, Func<BoardRequest, Task<IResult>> page)
    {
        Answer.Secure(http.Response);
        IResult result;
        try
        {
            result = await AnswerAsync(http, api, access, page);
        }
        catch (ConfigurationUnavailableException e)
        {
            logger.LogError(e, "Board request {Method} {Path} refused: the configuration cannot be read", http.Request.Method, http.Request.Path);
            var paused = new Page(Chinese(http));
            result = Answer.Html(
                paused.Message(paused.Words["configuration_broken"], null, paused.Words.Format("configuration_broken_text", e.Refusal), back: false),
                StatusCodes.Status503ServiceUnavailable
            );
        }
        catch (Exception e) when (!(e is OperationCanceledException && http.RequestAborted.IsCancellationRequested))
        {
            // Never a bare 500: the store or a calendar out of reach (503, try again), anything else a fault (500) —
            // each page says so, with an id the operator finds in the log.
            var unavailable = e is RequestFailedException or CalendarYearMissingException;
            var correlation = Guid.NewGuid().ToString("N")[..12];
            logger.LogError(e, "Board request {Method} {Path} failed ({Correlation})", http.Request.Method, http.Request.Path, correlation);
            var failed = new Page(Chinese(http));
            result = Answer.Html(
                failed.Message(
                    failed.Words[unavailable ? "unavailable" : "failed"],
                    null,
                    failed.Words.Format(unavailable ? "unavailable_text" : "failed_text", correlation),
                    back: true
                ),
                unavailable ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError
            );
        }

        await result.ExecuteAsync(http);
    }

    /// <summary>The answer to a path the board does not serve, for whoever may see the board.</summary>
    public static Task<IResult> NotFound(BoardRequest request) =>
        Task.FromResult(Answer.Html(request.Page.Message(request.Page.Words["not_found"], request.Viewer, "", back: true), StatusCodes.Status404NotFound));

    private async Task<IResult> AnswerAsync(HttpContext http, bool api, Access access, Func<BoardRequest, Task<IResult>> page)
    {
        var (principal, refusal, again) = await signIn.VerifyAsync(http);
        if (again && !api && HttpMethods.IsGet(http.Request.Method))
        {
            // The platform signs him in afresh (silently while his provider's session lasts) and brings him back here.
            var back = Uri.EscapeDataString($"{http.Request.PathBase}{http.Request.Path}{http.Request.QueryString}");
            return Results.Redirect($"/.auth/login/aad?post_login_redirect_uri={back}");
        }

        if (refusal is not null)
        {
            var anonymous = new Page(Chinese(http));
            return Answer.Html(
                anonymous.Message(anonymous.Words["sign_in_required"], null, anonymous.Words[refusal], back: false),
                StatusCodes.Status401Unauthorized
            );
        }

        var reference = await referenceLoader.LoadAsync(http.RequestAborted);
        if (Viewer.Of(principal, reference.Staff) is not { } viewer)
        {
            var stranger = new Page(Chinese(http));
            var said = stranger.Words;
            return Answer.Html(
                stranger.Message(said["not_allowed"], null, said.Format("not_in_directory", principal ?? said["anonymous"]), back: false),
                StatusCodes.Status403Forbidden
            );
        }

        var request = new BoardRequest(http, viewer, Page.For(http.Request.Query["lang"].ToString(), viewer), reference, api);
        var words = request.Page.Words;
        if (viewer.SubmitsOnly && access == Access.Board)
        {
            return Answer.Html(
                request.Page.Message(words["not_allowed"], viewer, words.Format("not_in_directory", viewer.Person.Email), back: false),
                StatusCodes.Status403Forbidden
            );
        }

        if (!request.Posted)
        {
            return await page(request);
        }

        if (!SameOrigin(http.Request))
        {
            return Answer.Html(request.Page.Message(words["not_allowed"], viewer, words["cross_origin"], back: true), StatusCodes.Status403Forbidden);
        }

        var read = await BoardForm.ReadAsync(http.Request, access == Access.Uploading ? submit.MaxBytes : null, http.RequestAborted);
        if (read.Refused)
        {
            var (title, text) = read.Status switch
            {
                StatusCodes.Status413PayloadTooLarge => (
                    words["too_large"],
                    words.Format("too_large_text", BoardForm.MaxFormBytes / 1024, SubmitPage.Size(submit.MaxBytes))
                ),
                StatusCodes.Status415UnsupportedMediaType => (words["bad_form"], words["no_file_here"]),
                _ => (words["bad_form"], words.Format("bad_form_text", read.Fault ?? "")),
            };
            return Answer.Html(request.Page.Message(title, null, text, back: true), read.Status);
        }

        return await page(request with { Form = read.Form, File = read.File });
    }

    /// <summary>A form posted from the board's own pages (a browser that names no origin is taken at its word only without one).</summary>
    private static bool SameOrigin(HttpRequest request) =>
        request.Headers.Origin.FirstOrDefault() is not { Length: > 0 } origin
        || (Uri.TryCreate(origin, UriKind.Absolute, out var uri) && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));

    private static bool Chinese(HttpContext http) => http.Request.Query["lang"] != "en";
}
