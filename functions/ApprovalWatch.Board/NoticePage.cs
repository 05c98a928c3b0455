using ApprovalWatch.Domain.Calendar;
using ApprovalWatch.Domain.Notices;
using ApprovalWatch.Domain.Reference;
using ApprovalWatch.Domain.Text;
using ApprovalWatch.Pipeline.Links;
using ApprovalWatch.Pipeline.Notices;
using ApprovalWatch.Presentation.Notices;
using Microsoft.Extensions.Options;

namespace ApprovalWatch.Board;

/// <summary>
/// The supervision notices on the board: <c>/notices</c> lists those of the viewer's scope with their state (awaiting a
/// reply, replied, replied late, reply overdue and taken to the leader); <c>/notices/{year}/{sequence}</c> shows one as
/// printed, with its reply, and <c>.docx</c> downloads the archived document; <c>/notice/{token}</c> is the head's signed
/// reply link (回告: reason, measures, a promised day), recorded once, conditional on the notice's ETag.
/// </summary>
public sealed class NoticePage(NoticeBook book, NoticeReplies replies, NoticeArchive archive, IOptions<BoardOptions> options, TimeProvider time)
{

    public sealed record Row(
        string Number,
        int Year,
        int Sequence,
        string Department,
        string ProjectCode,
        string ProjectName,
        string Item,
        string Head,
        string IssuedOn,
        string ReplyBy,
        NoticeState State,
        string? RepliedOn,
        string? PromisedOn,
        string? ClimbedOn
    );

    public enum Outcome
    {
        Form,
        Replied,
        Refused,
        Unknown,
        AlreadyReplied,
        Incomplete,
        Changed,
    }

    public sealed record Result(Outcome Outcome, string Message, SupervisionNotice? Notice = null, int Status = 200);

    public async Task<IReadOnlyList<Row>> LoadAsync(Viewer viewer, Page page, CancellationToken cancellationToken)
    {
        var today = OfficeClock.Today(time);
        return
        [
            .. (await book.ListAsync(today.Year - 1, cancellationToken))
                .Select(s => s.Notice)
                .Where(n => viewer.MaySee(n.Department))
                .OrderByDescending(n => n.Year)
                .ThenByDescending(n => n.Sequence)
                .Select(n => new Row(
                    n.Number,
                    n.Year,
                    n.Sequence,
                    n.Department,
                    n.ProjectCode,
                    n.ProjectName,
                    page.Chinese ? n.ItemChinese : n.ItemEnglish,
                    n.HeadName,
                    IsoDate.Format(n.IssuedOn),
                    IsoDate.Format(n.ReplyBy),
                    n.StateOn(today),
                    n.Reply is { } r ? IsoDate.Format(r.RepliedOn) : null,
                    n.Reply is { } p ? IsoDate.Format(p.PromisedOn) : null,
                    n.ClimbedOn is { } c ? IsoDate.Format(c) : null
                )),
        ];
    }

    /// <summary>One notice of the viewer's scope, or null (not there and not his are one answer).</summary>
    public async Task<SupervisionNotice?> FindAsync(Viewer viewer, string year, string sequence, CancellationToken cancellationToken) =>
        (await FindStoredAsync(viewer, year, sequence, cancellationToken))?.Notice;

    public static string Document(SupervisionNotice notice, Func<string, string> nameOf) => NoticeRenderer.Render(NoticeView.Of(notice, nameOf), notice.Reply);

    public Task<byte[]> WordAsync(SupervisionNotice notice, Func<string, string> nameOf, CancellationToken cancellationToken) =>
        archive.DocumentAsync(notice, nameOf, cancellationToken);

    public async Task<Result> HandleAsync(
        string token,
        Viewer viewer,
        ReferenceData reference,
        IReadOnlyDictionary<string, string>? form,
        Page page,
        CancellationToken cancellationToken
    )
    {
        var words = page.Words;
        var (parsed, refusal) = SignedLink.Check(token, viewer, options.Value, time.GetUtcNow(), reference);
        if (refusal is not null || parsed is null)
        {
            return new Result(Outcome.Refused, words[refusal!.WordsKey], Status: refusal.Status);
        }

        var key = parsed.ProcedureCode.Split('|');
        if (parsed.ProjectCode != AckLinks.NoticeToken || key.Length != 2 || await FindStoredAsync(viewer, key[0], key[1], cancellationToken) is not { } stored)
        {
            return new Result(Outcome.Unknown, words["notice_unknown"], Status: 404);
        }

        var notice = stored.Notice;
        if (notice.Reply is { } reply)
        {
            return new Result(Outcome.AlreadyReplied, words.Format("notice_already_replied", reply.ByName, IsoDate.Format(reply.RepliedOn)), notice, 409);
        }

        if (form is null)
        {
            return new Result(Outcome.Form, "", notice);
        }

        var (outcome, after) = await replies.ReplyAsync(
            stored,
            viewer.Person,
            form.GetValueOrDefault("reason") ?? "",
            form.GetValueOrDefault("measures") ?? "",
            form.GetValueOrDefault("promised") ?? "",
            cancellationToken
        );
        return outcome switch
        {
            NoticeReplies.Outcome.Replied => new Result(Outcome.Replied, words.Format("notice_replied", IsoDate.Format(after.Reply!.PromisedOn)), after),
            NoticeReplies.Outcome.Incomplete => new Result(Outcome.Incomplete, words["notice_incomplete"], after, 400),
            NoticeReplies.Outcome.AlreadyReplied => new Result(
                Outcome.AlreadyReplied,
                words.Format("notice_already_replied", after.Reply!.ByName, IsoDate.Format(after.Reply.RepliedOn)),
                after,
                409
            ),
            _ => new Result(Outcome.Changed, words["ack_changed"], after, 409),
        };
    }

    private async Task<StoredNotice?> FindStoredAsync(Viewer viewer, string year, string sequence, CancellationToken cancellationToken) =>
        await book.FindAsync(year, sequence, cancellationToken) is { } stored && viewer.MaySee(stored.Notice.Department) ? stored : null;

    public static string RenderList(IReadOnlyList<Row> rows, Page page, Viewer viewer) =>
        page.Render("notices", page.Words["notices_title"], viewer, rows);

    public string RenderReply(Result result, string token, Page page, Viewer viewer, Func<string, string> nameOf) =>
        page.Render("notice_reply", page.Words["notice_reply_title"], viewer, result, new Dictionary<string, object?>
        {
            ["form"] = result.Outcome is Outcome.Form or Outcome.Incomplete,
            ["token"] = token,
            ["max_text"] = NoticeReplies.MaxText,
            ["today"] = IsoDate.Format(OfficeClock.Today(time)),
            ["view"] = result.Notice is { } notice ? NoticeView.Of(notice, nameOf) : null,
        });
}
