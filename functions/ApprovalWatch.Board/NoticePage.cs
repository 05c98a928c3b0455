using ApprovalWatch.Domain.Calendar;
using ApprovalWatch.Domain.Notices;
using ApprovalWatch.Domain.Reference;
using ApprovalWatch.Domain.Staff;
using ApprovalWatch.Domain.Text;
using ApprovalWatch.Pipeline.Links;
using ApprovalWatch.Pipeline.Notices;
using ApprovalWatch.Presentation.Notices;
using Microsoft.Extensions.Options;

namespace ApprovalWatch.Board;

/// <summary>
/// The supervision notices on the board: <c>/notices</c> lists those of the viewer's scope with their state;
/// <c>/notices/{year}/{sequence}</c> shows one with each item's reply and trail — the department's head (or whoever
/// stands in) answers each item there, a leader in charge or the coordinator may send a reply back (退回重报), anyone else
/// reads it and is told who may act — and <c>.docx</c> downloads the archived document; <c>/notice/{token}</c> is the
/// head's signed link from his mail to the same page. Each change is recorded once, conditional on the notice's ETag.
/// </summary>
public sealed class NoticePage(NoticeBook book, NoticeReplies replies, NoticeArchive archive, IOptions<BoardOptions> options, TimeProvider time)
{
    public sealed record Row(
        string Number,
        int Year,
        int Sequence,
        string Department,
        string ProjectCode,
        string Subject,
        int Items,
        int Unanswered,
        string Head,
        string IssuedOn,
        string ReplyBy,
        NoticeState State,
        string? ClimbedOn
    );

    public enum Outcome
    {
        Form,
        Replied,
        SentBack,
        Refused,
        Unknown,
        Fault,
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
                .Select(n => RowOf(n, page.Chinese, today)),
        ];
    }

    public static Row RowOf(SupervisionNotice n, bool chinese, DateOnly today) =>
        new(
            n.Number,
            n.Year,
            n.Sequence,
            n.Department,
            n.Items[0].ProjectCode,
            n.Subject(chinese),
            n.Items.Count,
            n.Open.Count(i => i.Reply is null),
            n.HeadName,
            IsoDate.Format(n.IssuedOn),
            IsoDate.Format(n.ReplyBy),
            n.StateOn(today),
            n.Items.Max(i => i.ClimbedOn) is { } c ? IsoDate.Format(c) : null
        );

    /// <summary>One notice of the viewer's scope, or null (not there and not his are one answer).</summary>
    public async Task<SupervisionNotice?> FindAsync(Viewer viewer, string year, string sequence, CancellationToken cancellationToken) =>
        (await FindStoredAsync(viewer, year, sequence, cancellationToken))?.Notice;

    public Task<byte[]> WordAsync(SupervisionNotice notice, Func<string, string> nameOf, CancellationToken cancellationToken) =>
        archive.DocumentAsync(notice, nameOf, cancellationToken);

    /// <summary>The head's signed link from his mail: checked as an acknowledgement link is, then the notice's page.</summary>
    public async Task<Result> HandleTokenAsync(
        string token,
        Viewer viewer,
        ReferenceData reference,
        IReadOnlyDictionary<string, string>? form,
        Page page,
        CancellationToken cancellationToken
    )
    {
        var (parsed, refusal) = SignedLink.Check(token, viewer, options.Value, time.GetUtcNow(), reference);
        if (refusal is not null || parsed is null)
        {
            return new Result(Outcome.Refused, page.Words[refusal!.WordsKey], Status: refusal.Status);
        }

        var key = parsed.ProcedureCode.Split('|');
        return parsed.ProjectCode == AckLinks.NoticeToken && key.Length == 2
            ? await HandleAsync(key[0], key[1], viewer, reference, form, page, cancellationToken)
            : new Result(Outcome.Unknown, page.Words["notice_unknown"], Status: 404);
    }

    /// <summary>The notice's page: shown, or an item answered (回告) or sent back (退回重报) from its form.</summary>
    public async Task<Result> HandleAsync(
        string year,
        string sequence,
        Viewer viewer,
        ReferenceData reference,
        IReadOnlyDictionary<string, string>? form,
        Page page,
        CancellationToken cancellationToken
    )
    {
        var words = page.Words;
        if (await FindStoredAsync(viewer, year, sequence, cancellationToken) is not { } stored)
        {
            return new Result(Outcome.Unknown, words["notice_unknown"], Status: 404);
        }

        if (form is null)
        {
            return new Result(Outcome.Form, "", stored.Notice);
        }

        var item = form.GetValueOrDefault("item") ?? "";
        var sendBack = form.GetValueOrDefault("action") == "sendback";
        var (outcome, after) = sendBack
            ? await replies.SendBackAsync(stored, item, viewer.Person, form.GetValueOrDefault("reason") ?? "", reference, cancellationToken)
            : await replies.ReplyAsync(stored, item, viewer.Person, reference, form, cancellationToken);
        var today = OfficeClock.Today(time);
        return outcome switch
        {
            NoticeReplies.Outcome.Replied => new Result(
                Outcome.Replied,
                words.Format("notice_replied", IsoDate.Format(after.Item(item)!.Reply!.PromisedOn)),
                after
            ),
            NoticeReplies.Outcome.SentBack => new Result(Outcome.SentBack, words.Format("notice_sent_back", after.HeadName), after),
            NoticeReplies.Outcome.NotHis => new Result(
                Outcome.Refused,
                sendBack
                    ? words["notice_send_back_not_yours"]
                    : words.Format("notice_not_yours", DepartmentAuthority.WhoActs(after.Department, reference.Staff, reference.Leave, today)),
                after,
                403
            ),
            NoticeReplies.Outcome.AlreadyReplied => new Result(
                Outcome.Fault,
                words.Format("notice_already_replied", after.Item(item)!.Reply!.ByName, IsoDate.Format(after.Item(item)!.Reply!.RepliedOn)),
                after,
                409
            ),
            NoticeReplies.Outcome.Moved => new Result(Outcome.Fault, words["notice_item_moved"], after, 409),
            NoticeReplies.Outcome.Changed => new Result(Outcome.Changed, words["ack_changed"], after, 409),
            var fault => new Result(Outcome.Fault, FaultText(fault, after.Item(item), words, reference), after, 400),
        };
    }

    private static string FaultText(NoticeReplies.Outcome fault, NoticeItem? item, Presentation.Words words, ReferenceData reference) =>
        fault switch
        {
            NoticeReplies.Outcome.Past => words["notice_promise_past"],
            NoticeReplies.Outcome.NotWorkingDay => words["notice_promise_not_working"],
            NoticeReplies.Outcome.TooFar => words.Format("notice_promise_too_far", (reference.Notices ?? NoticeSettings.Default).PromiseWithinWorkingDays),
            NoticeReplies.Outcome.PastLawWithoutReason => words.Format(
                "notice_promise_past_law",
                item?.StatutoryDueOn is { } law ? IsoDate.Format(law) : ""
            ),
            NoticeReplies.Outcome.NothingToSendBack => words["notice_nothing_to_send_back"],
            _ => words["notice_incomplete"],
        };

    private async Task<StoredNotice?> FindStoredAsync(Viewer viewer, string year, string sequence, CancellationToken cancellationToken) =>
        await book.FindAsync(year, sequence, cancellationToken) is { } stored && viewer.MaySee(stored.Notice.Department) ? stored : null;

    public static string RenderList(IReadOnlyList<Row> rows, Page page, Viewer viewer) =>
        page.Render("notices", page.Words["notices_title"], viewer, rows);

    /// <summary>The notice's page, posting to <paramref name="action"/>: each item with what the viewer may do with it.</summary>
    public string Render(Result result, string action, Page page, Viewer viewer, ReferenceData reference)
    {
        var today = OfficeClock.Today(time);
        var notice = result.Notice;
        var view = notice is null ? null : NoticeView.Of(notice, reference.Staff.NameOf);
        var mayReply = notice is not null && NoticeReplies.MayReply(viewer.Person, notice, reference, today);
        var maySendBack = NoticeReplies.MaySendBack(viewer.Person);
        var items = notice is null
            ? []
            : view!.Items.Zip(notice.Items, (v, i) => new
            {
                View = v,
                i.Key,
                Reply = mayReply && i.Reply is null && i.MovedTo is null,
                Unanswered = i.Reply is null && i.MovedTo is null,
                SendBack = maySendBack && i.Reply is not null,
                LawDue = i.StatutoryDueOn is { } law ? IsoDate.Format(law) : null,
                Deadline = IsoDate.Format(i.ReplyDeadline(notice)),
            }).ToList();
        return page.Render("notice_reply", notice?.Number ?? page.Words["notice_reply_title"], viewer, result, new Dictionary<string, object?>
        {
            ["action"] = action,
            ["view"] = view,
            ["items"] = items,
            ["max_text"] = NoticeReplies.MaxText,
            ["today"] = IsoDate.Format(today),
            ["who_acts"] = notice is null ? "" : DepartmentAuthority.WhoActs(notice.Department, reference.Staff, reference.Leave, today),
            ["word"] = notice is null ? null : $"/notices/{notice.Year}/{notice.Sequence}.docx",
        });
    }
}
