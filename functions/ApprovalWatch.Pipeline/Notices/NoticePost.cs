using ApprovalWatch.Domain.Calendar;
using ApprovalWatch.Domain.Notices;
using ApprovalWatch.Domain.Reference;
using ApprovalWatch.Domain.Staff;
using ApprovalWatch.Pipeline.Mail;

namespace ApprovalWatch.Pipeline.Notices;

/// <summary>
/// Sends a notice on its way: archived, mailed and announced (<see cref="PublishAsync"/>); each mail to one person once
/// (<see cref="NoticeMail.Key"/>), at the opening of his office on the day — copies, climbs and word of a reply reach
/// whoever stands in for someone away; the head's stand-in was named when the notice was issued.
/// </summary>
public sealed class NoticePost(NotificationQueue queue, NoticeArchive archive, Events.EventPublisher events)
{
    /// <summary>Archives a notice as it stands, mails it to its head and copies, and announces it (<see cref="NoticeIssued"/>).</summary>
    public async Task PublishAsync(SupervisionNotice notice, ReferenceData reference, CancellationToken cancellationToken)
    {
        await archive.WriteAsync(notice, reference.Staff.NameOf, cancellationToken);
        await QueueIssuedAsync(notice, reference, cancellationToken);
        await events.PublishAsync(new NoticeIssued(notice, reference), cancellationToken);
    }

    public async Task QueueAsync(
        SupervisionNotice notice,
        string recipient,
        string role,
        string part,
        DateOnly today,
        ReferenceData reference,
        CancellationToken cancellationToken
    )
    {
        var to = role == NoticeMail.Head ? recipient : StandIns.Receiver(recipient, reference.Staff, reference.Leave, today);
        var calendar = reference.Staff.Find(to)?.Calendar ?? CalendarSet.National;
        var message = NoticeMail.Message(notice, today, to, role, part);
        await queue.QueueOnceAsync(message, NoticeMail.Key(notice, to, role, part), reference.Calendars.HoursOf(calendar).OpensAt(today), 1, cancellationToken);
    }

    /// <summary>The notice to its head and, in copy, the department's leader in charge and the coordinators; again when it grew.</summary>
    private async Task QueueIssuedAsync(SupervisionNotice notice, ReferenceData reference, CancellationToken cancellationToken)
    {
        var part = notice.Items.Count == 1 ? "" : $"{notice.Items.Count}";
        foreach (var (recipient, copy) in notice.Recipients())
        {
            await QueueAsync(notice, recipient, copy ? NoticeMail.Copy : NoticeMail.Head, part, notice.IssuedOn, reference, cancellationToken);
        }
    }
}
