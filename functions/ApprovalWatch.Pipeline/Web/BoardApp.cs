using ApprovalWatch.Domain.Calendar;
using ApprovalWatch.Domain.Catalogue;
using ApprovalWatch.Domain.Reference;
using ApprovalWatch.Pipeline.Ingestion;
using ApprovalWatch.Pipeline.Reference;
using Azure;
using Microsoft.Extensions.Logging;

namespace ApprovalWatch.Pipeline.Web;

/// <summary>
/// The board's one entry point, whoever serves it: routes a request to its page or to the JSON API under
/// <c>/api/</c> (the same models), for the signed-in person as the directory knows him (403 otherwise).
/// </summary>
public sealed class BoardApp(ReferenceDataLoader referenceLoader, BoardPage board, ProcedureListPage procedures, ProjectPage projects, AckPage acks, ProblemPage problems, NoticePage notices, LeavePage leave, SubmitPage submit, WeekSheets sheets, ILogger<BoardApp> logger)
{
    /// <summary>Reads a posted body (a form, or a form with a file up to the upload limit); null when it is too large.</summary>
    public Task<RequestBody?> ReadBodyAsync(string? contentType, Stream body, long? declaredLength, CancellationToken cancellationToken) =>
        RequestBody.ReadAsync(contentType, body, declaredLength, submit.MaxBytes, cancellationToken);

    /// <summary>The answer to a request whose body is larger than the board reads, not read: 413, and the limits.</summary>
    public WebResponse TooLarge(bool chinese = true)
    {
        var page = new Page(chinese);
        return WebResponse.Html(page.Message(page.Words["too_large"], null, page.Words.Format("too_large_text", MaxFormBytes / 1024, SubmitPage.Size(submit.MaxBytes)), back: true), 413);
    }

    public async Task<WebResponse> HandleAsync(WebRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await RouteAsync(request, cancellationToken);
        }
        catch (Exception e) when (e is RequestFailedException or CalendarYearMissingException)
        {
            // The store or the configuration failed this request: a page that says so, and an id the operator finds in the log.
            var correlation = Guid.NewGuid().ToString("N")[..12];
            logger.LogError(e, "Board request {Method} {Path} failed ({Correlation})", request.Method, request.Path, correlation);
            var page = new Page(request.Get("lang") != "en");
            return WebResponse.Html(page.Message(page.Words["unavailable"], null, page.Words.Format("unavailable_text", correlation), back: true), 503);
        }
    }

    private async Task<WebResponse> RouteAsync(WebRequest request, CancellationToken cancellationToken)
    {
        var reference = await referenceLoader.LoadAsync(cancellationToken);
        var viewer = Viewer.Of(request.Principal, reference.Staff);
        if (viewer is null)
        {
            var anonymous = new Page(request.Get("lang") != "en");
            var words = anonymous.Words;
            return WebResponse.Html(anonymous.Message(words["not_allowed"], null, words.Format("not_in_directory", request.Principal ?? words["anonymous"]), back: false), 403);
        }

        var page = Page.For(request, viewer);
        var path = request.Path.TrimEnd('/');
        var api = path.StartsWith("/api/", StringComparison.Ordinal);
        var route = api ? path[4..] : path;
        if (viewer.SubmitsOnly && route is not ("" or "/leave" or "/submit" or "/submit/receipt" or "/submit/sheet.xlsx" or "/submit/progress.xlsx" or "/submit/template.xlsx"))
        {
            return WebResponse.Html(page.Message(page.Words["not_allowed"], viewer, page.Words.Format("not_in_directory", viewer.Person.Email), back: false), 403);
        }

        switch (request.Method, route)
        {
            case ("GET", ""):
                return WebResponse.Redirect(viewer.SubmitsOnly ? "/submit" : "/board");
            case ("GET", "/submit"):
                var files = await submit.LoadAsync(viewer, cancellationToken);
                return api ? WebResponse.Json(files) : WebResponse.Html(SubmitPage.Render(files, page, viewer, reference.Staff.NameOf));
            case ("GET", "/submit/sheet.xlsx"):
                var (sheetName, sheet) = await sheets.ProceduresAsync(viewer.Person.Department, cancellationToken);
                return WebResponse.File(sheet, Presentation.ContentTypes.Xlsx, sheetName);
            case ("GET", "/submit/progress.xlsx") when viewer.Person.Department == Department.DevelopmentReform:
                var (progressName, progress) = await sheets.ProgressAsync(cancellationToken);
                return WebResponse.File(progress, Presentation.ContentTypes.Xlsx, progressName);
            case ("GET", "/submit/template.xlsx"):
                var (blankName, blank) = await sheets.BlankAsync(viewer.Person.Department, cancellationToken);
                return WebResponse.File(blank, Presentation.ContentTypes.Xlsx, blankName);
            case ("GET", "/submit/receipt"):
                var pending = await submit.ReceiptAsync(viewer, request.Get("file") ?? "", request.Get("v") ?? "", cancellationToken);
                return pending is null ? NotFound(page, viewer)
                    : api ? WebResponse.Json(pending) : WebResponse.Html(SubmitPage.Render(pending, page, viewer));
            case ("GET", "/board"):
                var model = await board.LoadAsync(viewer, cancellationToken);
                return api ? WebResponse.Json(model) : WebResponse.Html(BoardPage.Render(model, page, viewer));
            case ("GET", "/procedures"):
                var filters = ProcedureListPage.FiltersOf(request, viewer);
                var list = await procedures.LoadAsync(filters, request.Get("page"), cancellationToken);
                return api ? WebResponse.Json(list) : WebResponse.Html(ProcedureListPage.Render(list, page, viewer, (await board.CellsAsync(viewer, cancellationToken)).Cells.Select(c => c.County).Distinct().Order(StringComparer.Ordinal).ToList(), reference));
            case ("GET", "/procedures.xlsx"):
                return WebResponse.File(await procedures.ExportAsync(ProcedureListPage.FiltersOf(request, viewer), cancellationToken), Presentation.ContentTypes.Xlsx, "procedures.xlsx");
            case ("GET", var p) when p.StartsWith("/projects/", StringComparison.Ordinal):
                var project = await projects.LoadAsync(Uri.UnescapeDataString(p["/projects/".Length..]), viewer, reference, cancellationToken);
                // Not there and not yours are one answer: a scoped viewer learns nothing of other departments' projects.
                return project is null || project.OutOfScope ? NotFound(page, viewer)
                    : api ? WebResponse.Json(project) : WebResponse.Html(ProjectPage.Render(project, page, viewer, reference));
            case ("GET", "/leave"):
                var absences = await leave.LoadAsync(viewer, reference, "", false, cancellationToken);
                return api ? WebResponse.Json(absences) : WebResponse.Html(LeavePage.Render(absences, page, viewer));
            case ("GET", "/notices"):
                var noticeRows = await notices.LoadAsync(viewer, page, cancellationToken);
                return api ? WebResponse.Json(noticeRows) : WebResponse.Html(NoticePage.RenderList(noticeRows, page, viewer));
            case ("GET", var p) when p.StartsWith("/notices/", StringComparison.Ordinal) && p.Split('/') is [_, _, var year, var number]:
                var word = number.EndsWith(".docx", StringComparison.Ordinal);
                var notice = await notices.FindAsync(viewer, year, word ? number[..^".docx".Length] : number, cancellationToken);
                return notice is null ? NotFound(page, viewer)
                    : api ? WebResponse.Json(notice)
                    : word ? WebResponse.File(await notices.WordAsync(notice, reference.Staff.NameOf, cancellationToken), Presentation.ContentTypes.Docx, notice.Number + ".docx")
                    : WebResponse.Html(NoticePage.Document(notice, reference.Staff.NameOf));
            case ("POST", _) when !request.SameOrigin:
                return WebResponse.Html(page.Message(page.Words["not_allowed"], viewer, page.Words["cross_origin"], back: true), 403);
            case ("POST", "/leave") when !api:
                var (said, refused) = await leave.ChangeAsync(viewer, request.Form ?? new Dictionary<string, string>(), page, cancellationToken);
                var changed = await leave.LoadAsync(viewer, await referenceLoader.LoadAsync(cancellationToken), said, refused, cancellationToken);
                return WebResponse.Html(LeavePage.Render(changed, page, viewer), refused ? 400 : 200);
            case ("POST", "/submit") when !api:
                if (request.File is not { Content.Length: > 0 } upload)
                {
                    return WebResponse.Html(page.Message(page.Words["submit_title"], viewer, page.Words["submit_no_file"], back: false), 400);
                }

                var (name, etag) = await submit.UploadAsync(viewer, upload, cancellationToken);
                return WebResponse.Redirect(Page.Url("/submit/receipt", [("file", name), ("v", etag), ("lang", request.Get("lang"))]));
            case ("GET" or "POST", var p) when p.StartsWith("/ack/", StringComparison.Ordinal) && !api:
                var token = p["/ack/".Length..];
                var result = await acks.HandleAsync(token, viewer, reference, request.Method == "POST" ? request.Form ?? new Dictionary<string, string>() : null, page, cancellationToken);
                return WebResponse.Html(AckPage.Render(result, token, page, viewer), result.Status);
            case ("GET" or "POST", var p) when p.StartsWith("/problem/", StringComparison.Ordinal) && !api:
                var problemToken = p["/problem/".Length..];
                var handled = await problems.HandleAsync(problemToken, viewer, reference, request.Method == "POST" ? request.Form ?? new Dictionary<string, string>() : null, page, cancellationToken);
                return WebResponse.Html(ProblemPage.Render(handled, problemToken, request.Get("return") is not null, page, viewer), handled.Status);
            case ("GET" or "POST", var p) when p.StartsWith("/notice/", StringComparison.Ordinal) && !api:
                var noticeToken = p["/notice/".Length..];
                var replied = await notices.HandleAsync(noticeToken, viewer, reference, request.Method == "POST" ? request.Form ?? new Dictionary<string, string>() : null, page, cancellationToken);
                return WebResponse.Html(notices.RenderReply(replied, noticeToken, page, viewer, reference.Staff.NameOf), replied.Status);
            case ("POST", "/problems/reassign") when !api:
                var form = request.Form ?? new Dictionary<string, string>();
                return await problems.ReassignAsync(viewer, form.GetValueOrDefault("project") ?? "", form.GetValueOrDefault("id") ?? "", form.GetValueOrDefault("department") ?? "", cancellationToken)
                    ? WebResponse.Redirect("/board")
                    : WebResponse.Html(page.Message(page.Words["not_allowed"], viewer, page.Words["problem_not_reassigned"], back: true), 409);
            default:
                return NotFound(page, viewer);
        }
    }

    /// <summary>The answer to a request nobody verified has signed in: 401, and why.</summary>
    public static WebResponse Unauthorized(string reason, bool chinese = true)
    {
        var page = new Page(chinese);
        return WebResponse.Html(page.Message(page.Words["sign_in_required"], null, reason, back: false), 401);
    }

    /// <summary>The largest form body the board reads (an acknowledgement's note is at most 500 characters).</summary>
    public const int MaxFormBytes = 16 * 1024;

    private static WebResponse NotFound(Page page, Viewer viewer) =>
        WebResponse.Html(page.Message(page.Words["not_found"], viewer, "", back: true), 404);
}
