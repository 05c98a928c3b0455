using System.Globalization;
using ApprovalWatch.Domain.Notices;
using ApprovalWatch.Domain.Reference;
using ApprovalWatch.Pipeline.Events;
using ApprovalWatch.Pipeline.Links;
using ApprovalWatch.Pipeline.Mail;
using ApprovalWatch.Pipeline.Notices;
using ApprovalWatch.Pipeline.Reference;
using ApprovalWatch.Pipeline.Storage;
using ApprovalWatch.Presentation.Chat;
using ApprovalWatch.Presentation.Mail;

namespace ApprovalWatch.Pipeline.Chat;

/// <summary>
/// Posts to a department's group robot through the notify queue and its ledger, as mail goes: its summary at office
/// opening on its working days, and each supervision notice it receives. Transient failures are tried again, refusals
/// (a wrong webhook, key or signature, a secret missing from Key Vault) recorded as failed for the operator, and nothing
/// is posted twice.
/// </summary>
public sealed class ChatMessages(
    ReferenceDataLoader referenceLoader,
    ChatSummaries summaries,
    NoticeBook notices,
    ChatSecrets secrets,
    ChatRobotClient client,
    NotificationQueue queue,
    AckLinks links
) : IMailKind, IEventHandler<DayScanned>, IEventHandler<NoticeIssued>
{
    public const string Name = "chat";
    private const string Summary = "summary";
    private const string Notice = "notice";

    public string Kind => Name;

    public Task HandleAsync(DayScanned published, CancellationToken cancellationToken) =>
        QueueSummariesAsync(published.Date, published.Reference, cancellationToken);

    public Task HandleAsync(NoticeIssued published, CancellationToken cancellationToken) =>
        QueueNoticeAsync(published.Notice, published.Reference, cancellationToken);

    /// <summary>The day's summaries, for each department with a robot, at its office opening; none on a day off.</summary>
    public async Task QueueSummariesAsync(DateOnly today, ReferenceData reference, CancellationToken cancellationToken)
    {
        var (calendar, opens) = Office(today, reference);
        if (!calendar.IsWorkingDay(today))
        {
            return;
        }

        foreach (var robot in reference.ChatRobots)
        {
            var message = new NotifyMessage(Name, today, Recipient(robot.Department), $"{Summary}|{robot.Department}");
            await queue.QueueOnceAsync(message, Key(message), opens, 0, cancellationToken);
        }
    }

    /// <summary>A new notice to its department's group, when it has a robot.</summary>
    private async Task QueueNoticeAsync(SupervisionNotice notice, ReferenceData reference, CancellationToken cancellationToken)
    {
        if (reference.ChatRobots.Any(r => r.Department == notice.Department))
        {
            var message = new NotifyMessage(
                Name,
                notice.IssuedOn,
                Recipient(notice.Department),
                string.Join(
                    '|',
                    Notice,
                    notice.Department,
                    notice.Year.ToString(CultureInfo.InvariantCulture),
                    notice.Sequence.ToString(CultureInfo.InvariantCulture)
                )
            );
            await queue.QueueOnceAsync(message, Key(message), Office(notice.IssuedOn, reference).Opens, 0, cancellationToken);
        }
    }

    public async Task<MailDraft?> DraftAsync(NotifyMessage message, CancellationToken cancellationToken)
    {
        var about = (message.About ?? "").Split('|');
        var reference = await referenceLoader.LoadAsync(cancellationToken);
        if (about.Length < 2 || reference.ChatRobots.FirstOrDefault(r => r.Department == about[1]) is not { } robot)
        {
            return null; // the robot was taken out of chat.csv: nothing to post to
        }

        Func<CancellationToken, Task<(string Title, string Markdown)>> render;
        switch (about)
        {
            case [Summary, _]:
                render = async ct => ChatText.Summary(await summaries.BuildAsync(robot.Department, message.Date, reference, ct), links.Board("/board"));
                break;
            case [Notice, _, var year, var sequence] when await notices.FindAsync(year, sequence, cancellationToken) is { Notice: var notice }:
                render = ct => Task.FromResult(ChatText.Notice(notice, links.Board($"/notices/{notice.Year}/{notice.Sequence}")));
                break;
            default:
                return null;
        }

        return new MailDraft(Key(message), async ct =>
        {
            var (title, markdown) = await render(ct);
            return new OutgoingMail(robot.Department, new RenderedMail(title, markdown, ""), 1);
        })
        {
            DeliverAsync = async (outgoing, ct) =>
            {
                var webhook = await secrets.GetAsync(robot.WebhookSecret, ct) ?? throw Missing(robot.WebhookSecret);
                var sign = robot.SignSecret is { } name ? await secrets.GetAsync(name, ct) ?? throw Missing(name) : null;
                return await client.PostAsync(robot.Platform, webhook, sign, outgoing.Mail.Subject, outgoing.Mail.Text, ct);
            },
        };
    }

    private static MailDeliveryException Missing(string secret) =>
        new(DeliveryFailure.Permanent, $"The robot's secret '{secret}' is not in Key Vault (or Chat:Secrets): nothing posted.");

    private static string Recipient(string department) => $"chat:{department}";

    private static NotificationKey Key(NotifyMessage message) => message.About!.StartsWith(Summary, StringComparison.Ordinal)
        ? new(NotificationKeys.Day(message.Date), $"chat|{message.About}")
        : new(NotificationKeys.Notices, $"chat|{message.About}");

    // The prefecture's calendar and office hours: a group has no calendar of its own.
    private static (Domain.Calendar.WorkingCalendar Calendar, DateTimeOffset Opens) Office(DateOnly day, ReferenceData reference)
    {
        var calendar = reference.PrefectureCalendar;
        return (calendar, reference.Calendars.HoursOf(calendar.Name).OpensAt(day));
    }
}
