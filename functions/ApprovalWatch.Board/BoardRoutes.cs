using ApprovalWatch.Domain.Catalogue;
using ApprovalWatch.Pipeline.Ingestion;
using ApprovalWatch.Pipeline.KeyProjects;
using ApprovalWatch.Pipeline.Reference;
using ApprovalWatch.Presentation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalWatch.Board;

/// <summary>
/// The board's endpoints: each page, and under <c>/api/</c> the same models as JSON. Every one goes through
/// <see cref="BoardApp"/> first; a contact who only submits reaches the submit pages and his leave, nothing else.
/// </summary>
public static class BoardRoutes
{
    public static IEndpointRouteBuilder MapBoard(this IEndpointRouteBuilder endpoints)
    {
        var services = endpoints.ServiceProvider;
        var app = services.GetRequiredService<BoardApp>();
        void Get(string pattern, BoardApp.Access access, Func<BoardRequest, Task<IResult>> page, bool api = false)
        {
            endpoints.MapGet(pattern, (HttpContext http) => app.ServeAsync(http, api: false, access, page));
            if (api)
            {
                endpoints.MapGet("/api" + pattern, (HttpContext http) => app.ServeAsync(http, api: true, access, page));
            }
        }

        void Post(string pattern, BoardApp.Access access, Func<BoardRequest, Task<IResult>> page) =>
            endpoints.MapPost(pattern, (HttpContext http) => app.ServeAsync(http, api: false, access, page));

        const BoardApp.Access ForSubmitting = BoardApp.Access.Submitting;
        const BoardApp.Access ForBoard = BoardApp.Access.Board;
        var referenceLoader = services.GetRequiredService<ReferenceDataLoader>();
        var submit = services.GetRequiredService<SubmitPage>();
        var sheets = services.GetRequiredService<WeekSheets>();
        var uploads = services.GetRequiredService<Uploads>();
        var handover = services.GetRequiredService<ProblemHandover>();
        var board = services.GetRequiredService<BoardPage>();
        var procedures = services.GetRequiredService<ProcedureListPage>();
        var projects = services.GetRequiredService<ProjectPage>();
        var mine = services.GetRequiredService<MyProjectsPage>();
        var leave = services.GetRequiredService<LeavePage>();
        var notices = services.GetRequiredService<NoticePage>();
        var acks = services.GetRequiredService<AckPage>();
        var problems = services.GetRequiredService<ProblemPage>();
        var leaderNotices = services.GetRequiredService<Pipeline.Supervision.LeaderNotices>();

        // Where each lands: a contact on his uploads, a leader in charge on his own projects, anyone else on the board.
        Get("/", ForSubmitting, async r =>
            Answer.SeeOther(r.Viewer.SubmitsOnly ? "/submit" : await mine.HasProjectsAsync(r.Viewer, r.Aborted) ? "/mine" : "/board"));
        Get("/submit", ForSubmitting, async r =>
        {
            var files = await submit.LoadAsync(r.Viewer, r.Aborted);
            return r.Api ? Answer.Json(files) : Answer.Html(SubmitPage.Render(files, r.Page, r.Viewer, r.Reference.Staff.NameOf));
        }, api: true);
        Post("/submit", BoardApp.Access.Uploading, async r =>
        {
            if (r.File is not { Length: > 0 } upload)
            {
                return Answer.Html(
                    r.Page.Message(r.Page.Words["submit_title"], r.Viewer, r.Page.Words["submit_no_file"], back: false),
                    StatusCodes.Status400BadRequest
                );
            }

            await using var content = upload.Open();
            var (name, etag) = await uploads.UploadAsync(r.Viewer.Person, upload.Name, content, upload.Length, r.Aborted);
            return Answer.SeeOther(Page.Url("/submit/receipt", [("file", name), ("v", etag), ("lang", r.Query("lang"))]));
        });
        Get("/submit/receipt", ForSubmitting, async r =>
        {
            var pending = await submit.ReceiptAsync(r.Viewer, r.Query("file") ?? "", r.Query("v") ?? "", r.Aborted);
            return pending is null ? await BoardApp.NotFound(r)
                : r.Api ? Answer.Json(pending) : Answer.Html(SubmitPage.Render(pending, r.Page, r.Viewer));
        }, api: true);
        Get("/submit/sheet.xlsx", ForSubmitting, async r =>
        {
            var (name, sheet) = await sheets.ProceduresAsync(r.Viewer.Person.Department, r.Aborted);
            return Answer.File(sheet, ContentTypes.Xlsx, name);
        });
        Get("/submit/progress.xlsx", ForSubmitting, async r =>
        {
            if (r.Viewer.Person.Department != Department.DevelopmentReform)
            {
                return await BoardApp.NotFound(r);
            }

            var (name, progress) = await sheets.ProgressAsync(r.Aborted);
            return Answer.File(progress, ContentTypes.Xlsx, name);
        });
        Get("/submit/template.xlsx", ForSubmitting, async r =>
        {
            var (name, blank) = await sheets.BlankAsync(r.Viewer.Person.Department, r.Aborted);
            return Answer.File(blank, ContentTypes.Xlsx, name);
        });
        Get("/leave", ForSubmitting, async r =>
        {
            var absences = await leave.LoadAsync(r.Viewer, r.Reference, "", false, r.Aborted);
            return r.Api ? Answer.Json(absences) : Answer.Html(LeavePage.Render(absences, r.Page, r.Viewer));
        }, api: true);
        Post("/leave", ForSubmitting, async r =>
        {
            var (said, refused) = await leave.ChangeAsync(r.Viewer, r.Form, r.Page, r.Aborted);
            var changed = await leave.LoadAsync(r.Viewer, await referenceLoader.LoadAsync(r.Aborted), said, refused, r.Aborted);
            return Answer.Html(LeavePage.Render(changed, r.Page, r.Viewer), refused ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
        });

        Get("/board", ForBoard, async r =>
        {
            var model = await board.LoadAsync(r.Viewer, r.Reference, r.Aborted);
            return r.Api ? Answer.Json(model) : Answer.Html(BoardPage.Render(model, r.Page, r.Viewer));
        }, api: true);
        Get("/checks", ForBoard, async r =>
        {
            var model = await board.LoadAsync(r.Viewer, r.Reference, r.Aborted);
            return r.Api ? Answer.Json(model.DataChecks) : Answer.Html(BoardPage.RenderChecks(model, r.Page, r.Viewer));
        }, api: true);
        Get("/mine", ForBoard, async r =>
        {
            var model = await mine.LoadAsync(r.Viewer, r.Reference, r.Page, r.Aborted);
            return r.Api ? Answer.Json(model) : Answer.Html(MyProjectsPage.Render(model, r.Page, r.Viewer));
        }, api: true);
        Get("/procedures", ForBoard, async r =>
        {
            var list = await procedures.LoadAsync(ProcedureListPage.FiltersOf(r), r.Query("page"), r.Aborted);
            if (r.Api)
            {
                return Answer.Json(list);
            }

            var counties = (await board.CellsAsync(r.Viewer, r.Aborted)).Cells.Select(c => c.County).Distinct().Order(StringComparer.Ordinal).ToList();
            return Answer.Html(ProcedureListPage.Render(list, r.Page, r.Viewer, counties, r.Reference));
        }, api: true);
        Get("/procedures.xlsx", ForBoard, async r =>
            Answer.File(await procedures.ExportAsync(ProcedureListPage.FiltersOf(r), r.Aborted), ContentTypes.Xlsx, "procedures.xlsx"));
        Get("/projects/{code}", ForBoard, async r =>
        {
            var project = await projects.LoadAsync((string)r.Http.GetRouteValue("code")!, r.Viewer, r.Reference, r.Aborted);
            // Not there and not yours are one answer: a scoped viewer learns nothing of other departments' projects.
            return project is null || project.OutOfScope ? await BoardApp.NotFound(r)
                : r.Api ? Answer.Json(project) : Answer.Html(ProjectPage.Render(project, r.Page, r.Viewer, r.Reference));
        }, api: true);
        Get("/notices", ForBoard, async r =>
        {
            var rows = await notices.LoadAsync(r.Viewer, r.Page, r.Aborted);
            return r.Api ? Answer.Json(rows) : Answer.Html(NoticePage.RenderList(rows, r.Page, r.Viewer));
        }, api: true);
        Func<BoardRequest, Task<IResult>> NoticeOf = async r =>
        {
            var number = (string)r.Http.GetRouteValue("number")!;
            var year = (string)r.Http.GetRouteValue("year")!;
            if (number.EndsWith(".docx", StringComparison.Ordinal) && !r.Posted)
            {
                return await notices.FindAsync(r.Viewer, year, number[..^".docx".Length], r.Aborted) is { } notice
                    ? Answer.File(await notices.WordAsync(notice, r.Reference.Staff.NameOf, r.Aborted), ContentTypes.Docx, notice.Number + ".docx")
                    : await BoardApp.NotFound(r);
            }

            var shown = await notices.HandleAsync(year, number, r.Viewer, r.Reference, r.Posted ? r.Form : null, r.Page, r.Aborted);
            return shown.Outcome == NoticePage.Outcome.Unknown ? await BoardApp.NotFound(r)
                : r.Api ? Answer.Json(shown.Notice)
                : Answer.Html(notices.Render(shown, $"/notices/{year}/{number}", r.Page, r.Viewer, r.Reference), shown.Status);
        };
        Get("/notices/{year}/{number}", ForBoard, NoticeOf, api: true);
        Post("/notices/{year}/{number}", ForBoard, NoticeOf);

        // 一键督办: a leader in charge or the coordinator supervises one overdue item of a project he may see.
        Post("/projects/{code}/notice", ForBoard, async r =>
        {
            var code = (string)r.Http.GetRouteValue("code")!;
            var (outcome, notice) = await leaderNotices.IssueAsync(r.Viewer.Person, code, r.Form.GetValueOrDefault("item") ?? "", r.Reference, r.Aborted);
            return outcome is Pipeline.Supervision.LeaderNotices.Outcome.Issued or Pipeline.Supervision.LeaderNotices.Outcome.Pending
                ? Answer.SeeOther($"/notices/{notice!.Year}/{notice.Sequence}")
                : Answer.Html(
                    r.Page.Message(r.Page.Words["not_allowed"], r.Viewer, r.Page.Words["leader_notice_" + outcome.ToString().ToLowerInvariant()], back: true),
                    outcome == Pipeline.Supervision.LeaderNotices.Outcome.NotAllowed ? StatusCodes.Status403Forbidden : StatusCodes.Status409Conflict
                );
        });

        // The signed links of mails: shown with GET, answered with POST.
        Func<BoardRequest, Task<IResult>> Ack = async r =>
        {
            var token = Token(r);
            var result = await acks.HandleAsync(token, r.Viewer, r.Reference, r.Posted ? r.Form : null, r.Page, r.Aborted);
            return Answer.Html(AckPage.Render(result, token, r.Page, r.Viewer, r.Reference), result.Status);
        };
        Func<BoardRequest, Task<IResult>> Problem = async r =>
        {
            var token = Token(r);
            var handled = await problems.HandleAsync(token, r.Viewer, r.Reference, r.Posted ? r.Form : null, r.Page, r.Aborted);
            return Answer.Html(ProblemPage.Render(handled, token, r.Query("return") is not null, r.Page, r.Viewer), handled.Status);
        };
        Func<BoardRequest, Task<IResult>> Notice = async r =>
        {
            var token = Token(r);
            var replied = await notices.HandleTokenAsync(token, r.Viewer, r.Reference, r.Posted ? r.Form : null, r.Page, r.Aborted);
            return Answer.Html(notices.Render(replied, $"/notice/{token}", r.Page, r.Viewer, r.Reference), replied.Status);
        };
        foreach (var (pattern, page) in new[] { ("/ack/{**token}", Ack), ("/problem/{**token}", Problem), ("/notice/{**token}", Notice) })
        {
            Get(pattern, ForBoard, page);
            Post(pattern, ForBoard, page);
        }

        Post("/problems/reassign", ForBoard, async r =>
            await handover.ReassignAsync(
                r.Viewer.Person,
                r.Form.GetValueOrDefault("project") ?? "",
                r.Form.GetValueOrDefault("id") ?? "",
                r.Form.GetValueOrDefault("department") ?? "",
                r.Reference,
                r.Aborted
            )
                ? Answer.SeeOther("/board")
                : Answer.Html(
                    r.Page.Message(r.Page.Words["not_allowed"], r.Viewer, r.Page.Words["problem_not_reassigned"], back: true),
                    StatusCodes.Status409Conflict
                )
        );

        // Anything else, once the person is known: 404 (a contact who only submits is refused first, as for any board page).
        endpoints.MapFallback("{**path}", (HttpContext http) => app.ServeAsync(http, api: false, ForBoard, BoardApp.NotFound));
        return endpoints;
    }

    private static string Token(BoardRequest request) => (string)request.Http.GetRouteValue("token")!;
}
