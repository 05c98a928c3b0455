using ApprovalWatch.Domain.Calendar;
using ApprovalWatch.Domain.Notices;
using ApprovalWatch.Domain.Reference;
using ApprovalWatch.Domain.Staff;
using ApprovalWatch.Domain.Text;

namespace ApprovalWatch.Pipeline.Notices;

/// <summary>
/// Replies to a supervision notice's items (回告), each held to the law (<see cref="PromiseRules"/>) and given only by the
/// department's head or whoever stands in for him; a reply promising past the statutory due date, with its reason, is told
/// to the department's leader in charge at once. A leader in charge (or the coordinator) may send a reply back to be
/// redone (退回重报) with a reason: the head is told and answers again within the reply days. Each text is cut to
/// <see cref="MaxText"/>; each change is conditional on the notice as it was read.
/// </summary>
public sealed class NoticeReplies(NoticeBook book, NoticePost post, TimeProvider time)
{
    public const int MaxText = 500;

    public enum Outcome
    {
        Replied,
        AlreadyReplied,
        Incomplete,
        Changed,
        NotHis,
        Past,
        NotWorkingDay,
        TooFar,
        PastLawWithoutReason,
        SentBack,
        NothingToSendBack,
        Moved,
    }

    /// <summary>The department's head or his stand-in today; a refusal names them.</summary>
    public static bool MayReply(Person person, SupervisionNotice notice, ReferenceData reference, DateOnly today) =>
        DepartmentAuthority.ActsFor(person.Email, notice.Department, reference.Staff, reference.Leave, today);

    /// <summary>A leader in charge or a coordinator: they may send a reply back.</summary>
    public static bool MaySendBack(Person person) => person.Has(Role.Leader) || person.Has(Role.Coordinator);

    public async Task<(Outcome Outcome, SupervisionNotice Notice)> ReplyAsync(
        StoredNotice stored,
        string itemKey,
        Person by,
        ReferenceData reference,
        IReadOnlyDictionary<string, string> form,
        CancellationToken cancellationToken
    )
    {
        var notice = stored.Notice;
        var today = OfficeClock.Today(time);
        if (!MayReply(by, notice, reference, today))
        {
            return (Outcome.NotHis, notice);
        }

        if (notice.Item(itemKey) is not { } item)
        {
            return (Outcome.Incomplete, notice);
        }

        if (item.MovedTo is not null)
        {
            return (Outcome.Moved, notice);
        }

        if (item.Reply is not null)
        {
            return (Outcome.AlreadyReplied, notice);
        }

        var (reason, measures) = (Cut(form.GetValueOrDefault("reason")), Cut(form.GetValueOrDefault("measures")));
        var exceed = Cut(form.GetValueOrDefault("exceed"));
        if (reason.Length == 0 || measures.Length == 0 || !IsoDate.TryParse(Cut(form.GetValueOrDefault("promised")), out var promised))
        {
            return (Outcome.Incomplete, notice);
        }

        var calendar = CalendarOf(notice, reference);
        var horizon = (reference.Notices ?? NoticeSettings.Default).PromiseWithinWorkingDays;
        switch (PromiseRules.Check(item, promised, exceed, calendar, today, horizon))
        {
            case PromiseRules.Fault.Past:
                return (Outcome.Past, notice);
            case PromiseRules.Fault.NotWorkingDay:
                return (Outcome.NotWorkingDay, notice);
            case PromiseRules.Fault.TooFar:
                return (Outcome.TooFar, notice);
            case PromiseRules.Fault.PastLawWithoutReason:
                return (Outcome.PastLawWithoutReason, notice);
        }

        var exceeds = PromiseRules.Exceeds(item, promised);
        var reply = new NoticeReply(by.Email.ToLowerInvariant(), by.Name, today, reason, measures, promised) { ExceedReason = exceeds ? exceed : "" };
        var next = notice.With(item with { Reply = reply });
        if (!await book.SaveAsync(stored, next, cancellationToken))
        {
            return (Outcome.Changed, notice);
        }

        if (exceeds)
        {
            foreach (var leader in next.ClimbsTo())
            {
                await post.QueueAsync(next, leader, NoticeMail.Exceeds, item.Key, today, reference, cancellationToken);
            }
        }

        return (Outcome.Replied, next);
    }

    /// <summary>A reply sent back to be redone (退回重报), with its reason: the head answers again within the reply days.</summary>
    public async Task<(Outcome Outcome, SupervisionNotice Notice)> SendBackAsync(
        StoredNotice stored,
        string itemKey,
        Person by,
        string reason,
        ReferenceData reference,
        CancellationToken cancellationToken
    )
    {
        var notice = stored.Notice;
        if (!MaySendBack(by))
        {
            return (Outcome.NotHis, notice);
        }

        if (notice.Item(itemKey) is not { Reply: not null } item)
        {
            return (Outcome.NothingToSendBack, notice);
        }

        reason = Cut(reason);
        if (reason.Length == 0)
        {
            return (Outcome.Incomplete, notice);
        }

        var today = OfficeClock.Today(time);
        var within = (reference.Notices ?? NoticeSettings.Default).ReplyWithinWorkingDays;
        var next = notice.With(item.Returned(by.Name, today, reason, CalendarOf(notice, reference).AddWorkingDays(today, within)));
        if (!await book.SaveAsync(stored, next, cancellationToken))
        {
            return (Outcome.Changed, notice);
        }

        await post.QueueAsync(next, next.HeadEmail, NoticeMail.SentBack, item.Key, today, reference, cancellationToken);
        return (Outcome.SentBack, next);
    }

    /// <summary>The notified department's calendar: its head's.</summary>
    public static WorkingCalendar CalendarOf(SupervisionNotice notice, ReferenceData reference) =>
        Domain.Scanning.NoticeDrafts.CalendarOf(
            reference.Staff.WithRole(Role.Head, notice.Department).FirstOrDefault() ?? reference.Staff.Find(notice.HeadEmail),
            reference
        );

    private static string Cut(string? text) => (text ?? "").Trim() is var trimmed && trimmed.Length > MaxText ? trimmed[..MaxText] : trimmed;
}
