using ApprovalWatch.Domain.Notices;
using ApprovalWatch.Domain.Reference;
using ApprovalWatch.Domain.Scanning;
using ApprovalWatch.Pipeline.Events;
using Microsoft.Extensions.Logging;

namespace ApprovalWatch.Pipeline.Notices;

/// <summary>
/// Issues the supervision notices the day's lines call for — one per department, numbered, archived, mailed to the
/// department's head (or his stand-in) with its leader in charge and the coordinators in copy, and announced
/// (<see cref="NoticeIssued"/>) — puts an item whose promised day passed while it is still late back among the
/// unanswered, and takes each item left unanswered past its deadline to the leader in charge, once a day is scanned. None
/// is issued unless <c>config/notices.json</c> gives their numbering. Each step may run twice: an item has one notice, a
/// department one a day, a mail one ledger row.
/// </summary>
public sealed class NoticeIssuer(NoticeBook book, NoticePost post, Telemetry.PipelineMetrics metrics, ILogger<NoticeIssuer> logger)
    : IEventHandler<DayScanned>
{
    public async Task HandleAsync(DayScanned published, CancellationToken cancellationToken)
    {
        if (published.Reference.Notices is not { } settings)
        {
            return;
        }

        await IssueAsync(published.NoticeCalls, published.Reference, settings, published.Date, cancellationToken);
        var stillLate = published.NoticeCalls.Select(c => $"{c.Line.ProjectCode}|{c.Line.ItemCode}").ToHashSet(StringComparer.Ordinal);
        await FollowUpAsync(published.Date, stillLate, published.Reference, cancellationToken);
    }

    private async Task IssueAsync(
        IEnumerable<NoticeCall> calls,
        ReferenceData reference,
        NoticeSettings settings,
        DateOnly today,
        CancellationToken cancellationToken
    )
    {
        foreach (var draft in NoticeDrafts.For(calls.Select(c => (c.Line, c.Leader)), reference, settings, today))
        {
            if (await book.IssueAsync(draft, settings, cancellationToken) is not var (stored, added))
            {
                continue;
            }

            // The day it was issued, again: archive and queue what a run that stopped in between left undone.
            if (added > 0 || stored.Notice.IssuedOn == today)
            {
                await post.PublishAsync(stored.Notice, reference, cancellationToken);
            }

            if (added > 0)
            {
                metrics.NoticeItems(added);
                logger.LogInformation(
                    "Supervision notice {Number} to {Department}: {Added} item(s), {Items} in all",
                    stored.Notice.Number,
                    stored.Notice.Department,
                    added,
                    stored.Notice.Items.Count
                );
            }
        }
    }

    /// <summary>
    /// Broken promises back among the unanswered; items without a reply past their deadline to the leader in charge (the
    /// coordinators where there is none), once each time they are left unanswered.
    /// </summary>
    private async Task FollowUpAsync(DateOnly today, IReadOnlySet<string> stillLate, ReferenceData reference, CancellationToken cancellationToken)
    {
        foreach (var stored in await book.ListAsync(today.Year - 1, cancellationToken))
        {
            var notice = stored.Notice;
            foreach (var item in notice.Open.Where(i => i.Reply is { } r && r.PromisedOn < today && stillLate.Contains(i.Identity)))
            {
                notice = notice.With(item.PromiseBroken(today));
            }

            var climbing = notice.ClimbingOn(today);
            if (climbing.Count > 0)
            {
                notice = climbing.Aggregate(notice, (n, i) => n.With(i with { ClimbedOn = today }));
                // Queued before it is saved: a run that stops in between queues it again, and the ledger sends it once.
                foreach (var recipient in notice.ClimbsTo())
                {
                    await post.QueueAsync(notice, recipient, NoticeMail.Climb, Domain.Text.IsoDate.Format(today), today, reference, cancellationToken);
                }
            }

            if (notice != stored.Notice)
            {
                // Changed meanwhile (a reply came, or another run saved it): the next run sees it as it is.
                await book.SaveAsync(stored, notice, cancellationToken);
            }
        }
    }
}
