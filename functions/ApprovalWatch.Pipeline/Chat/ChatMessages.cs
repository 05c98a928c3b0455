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

    /// <summary>What a post is: a department's summary of the day, or a notice it received.</summary>
    public sealed record About(string What, string Department, int? Year = null, int? Sequence = null)
    {
        /// <summary>
        /// The form of messages queued before they held this record: <c>summary|{department}</c> or
        /// <c>notice|{department}|{year}|{sequence}</c>.
        /// </summary>
        public static About? Written(string? text) => text?.Split('|') switch
        {
            [Summary, var department] => new About(Summary, department),
            [Notice, var department, var year, var sequence]
                when int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
                && int.TryParse(sequence, NumberStyles.None, CultureInfo.InvariantCulture, out var s) => new About(Notice, department, y, s),
            _ => null,
        };

        /// <summary>The ledger's key of the post: the same for a message of either form.</summary>
        public string Key => Year is { } year ? $"chat|{What}|{Department}|{year}|{Sequence}" : $"chat|{What}|{Department}";
    }

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
            var about = new About(Summary, robot.Department);
            var message = NotifyMessage.Regarding(Name, today, Recipient(robot.Department), about);
            await queue.QueueOnceAsync(message, Key(today, about), opens, 0, cancellationToken);
        }
    }

    /// <summary>A new notice to its department's group, when it has a robot.</summary>
    private async Task QueueNoticeAsync(SupervisionNotice notice, ReferenceData reference, CancellationToken cancellationToken)
    {
        if (reference.ChatRobots.Any(r => r.Department == notice.Department))
        {
            var about = new About(Notice, notice.Department, notice.Year, notice.Sequence);
            var message = NotifyMessage.Regarding(Name, notice.IssuedOn, Recipient(notice.Department), about);
            await queue.QueueOnceAsync(message, Key(notice.IssuedOn, about), Office(notice.IssuedOn, reference).Opens, 0, cancellationToken);
        }
    }

    public async Task<MailDraft?> DraftAsync(NotifyMessage message, CancellationToken cancellationToken)
    {
        var reference = await referenceLoader.LoadAsync(cancellationToken);
        if (
            (message.AboutAs<About>() ?? About.Written(message.About)) is not { } about
            || reference.ChatRobots.FirstOrDefault(r => r.Department == about.Department) is not { } robot
        )
        {
            return null; // the robot was taken out of chat.csv: nothing to post to
        }

        Func<CancellationToken, Task<(string Title, string Markdown)>> render;
        switch (about)
        {
            case { What: Summary }:
                render = async ct => ChatText.Summary(await summaries.BuildAsync(robot.Department, message.Date, reference, ct), links.Board("/board"));
                break;
            case { What: Notice, Year: { } year, Sequence: { } sequence }
                when await notices.FindAsync(year, sequence, cancellationToken) is { Notice: var notice }:
                render = ct => Task.FromResult(ChatText.Notice(notice, links.Board($"/notices/{notice.Year}/{notice.Sequence}")));
                break;
            default:
                return null;
        }

        return new MailDraft(Key(message.Date, about), async ct =>
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

    private static NotificationKey Key(DateOnly date, About about) =>
        about.What == Summary ? new(NotificationKeys.Day(date), about.Key) : new(NotificationKeys.Notices, about.Key);

    // The prefecture's calendar and office hours: a group has no calendar of its own.
    private static (Domain.Calendar.WorkingCalendar Calendar, DateTimeOffset Opens) Office(DateOnly day, ReferenceData reference)
    {
        var calendar = reference.PrefectureCalendar;
        return (calendar, reference.Calendars.HoursOf(calendar.Name).OpensAt(day));
    }
}
