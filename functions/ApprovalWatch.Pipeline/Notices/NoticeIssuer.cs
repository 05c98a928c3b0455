using ApprovalWatch.Domain.Calendar;
using ApprovalWatch.Domain.Notices;
using ApprovalWatch.Domain.Reference;
using ApprovalWatch.Domain.Scanning;
using ApprovalWatch.Domain.Staff;
using ApprovalWatch.Pipeline.Events;
using ApprovalWatch.Pipeline.Mail;
using Microsoft.Extensions.Logging;

namespace ApprovalWatch.Pipeline.Notices;

/// <summary>
/// Issues the supervision notices the day's lines call for — numbered, archived, mailed to the department's head (or
/// his stand-in) with the leader in charge and the coordinators in copy, and announced (<see cref="NoticeIssued"/>) — and
/// takes an unanswered one past its reply deadline to the leader in charge, once a day is scanned. None is issued unless
/// <c>config/notices.json</c> gives their numbering. Each step may run twice: a line and rung has one notice, a mail one
/// ledger row.
/// </summary>
public sealed class NoticeIssuer(NoticeBook book, NoticeArchive archive, NotificationQueue queue, EventPublisher events, ILogger<NoticeIssuer> logger)
    : IEventHandler<DayScanned>
{
    public async Task HandleAsync(DayScanned published, CancellationToken cancellationToken)
    {
        await IssueAsync(published.NoticeCalls, published.Reference, published.Date, cancellationToken);
        await ClimbAsync(published.Date, published.Reference, cancellationToken);
    }

    private async Task IssueAsync(IEnumerable<NoticeCall> calls, ReferenceData reference, DateOnly today, CancellationToken cancellationToken)
    {
        if (reference.Notices is not { } settings)
        {
            return;
        }

        foreach (var (line, leader) in calls)
        {
            if (NoticeDrafts.For(line, reference, settings, leader, today) is not { } draft)
            {
                continue;
            }

            var (stored, isNew) = await book.IssueAsync(draft, settings, cancellationToken);
            // The day it was issued, again: archive and queue what a run that stopped in between left undone.
            if (isNew || stored.Notice.IssuedOn == today)
            {
                await archive.WriteAsync(stored.Notice, reference.Staff.NameOf, cancellationToken);
                foreach (var (recipient, copy) in stored.Notice.Recipients())
                {
                    await QueueAsync(stored.Notice, recipient, copy ? NoticeMail.Copy : NoticeMail.Head, stored.Notice.IssuedOn, reference, cancellationToken);
                }

                await events.PublishAsync(new NoticeIssued(stored.Notice, reference), cancellationToken);
            }

            if (isNew)
            {
                logger.LogInformation(
                    "Supervision notice {Number} to {Department} about {Project} {Item}",
                    stored.Notice.Number,
                    stored.Notice.Department,
                    stored.Notice.ProjectCode,
                    line.ItemCode
                );
            }
        }
    }

    /// <summary>Notices without a reply past their deadline, to the leader in charge (the coordinators where there is none): once each.</summary>
    private async Task ClimbAsync(DateOnly today, ReferenceData reference, CancellationToken cancellationToken)
    {
        foreach (var stored in await book.ListAsync(today.Year - 1, cancellationToken))
        {
            var notice = stored.Notice;
            if (!notice.ClimbsOn(today))
            {
                continue;
            }

            // Queued before it is marked: a run that stops in between queues it again, and the ledger sends it once.
            foreach (var recipient in notice.ClimbsTo())
            {
                await QueueAsync(notice, recipient, NoticeMail.Climb, today, reference, cancellationToken);
            }

            // Changed meanwhile (a reply came, or another run marked it): the next run sees it as it is.
            await book.SaveAsync(stored, notice with { ClimbedOn = today }, cancellationToken);
        }
    }

    private async Task QueueAsync(
        SupervisionNotice notice,
        string recipient,
        string role,
        DateOnly today,
        ReferenceData reference,
        CancellationToken cancellationToken
    )
    {
        // Copies and climbs reach whoever stands in for someone away; the head's stand-in was named when it was issued.
        var to = role == NoticeMail.Head ? recipient : StandIns.Receiver(recipient, reference.Staff, reference.Leave, today);
        var calendar = reference.Staff.Find(to)?.Calendar ?? CalendarSet.National;
        var message = NoticeMail.Message(notice, today, to, role);
        await queue.QueueOnceAsync(message, NoticeMail.Key(notice, to, role), reference.Calendars.HoursOf(calendar).OpensAt(today), 1, cancellationToken);
    }
}
