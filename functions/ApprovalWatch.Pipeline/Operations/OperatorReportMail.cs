using ApprovalWatch.Pipeline.Mail;
using ApprovalWatch.Pipeline.Storage;
using ApprovalWatch.Presentation.Operations;

namespace ApprovalWatch.Pipeline.Operations;

/// <summary>The day's operator report to one operator, built when it is sent so that it says what is still wrong when his office opens.</summary>
public sealed class OperatorReportMail(OperatorReportBuilder reports) : IMailKind
{
    public const string Name = "operator";

    public string Kind => Name;

    public static NotifyMessage Message(DateOnly date, string recipient) => new(Name, date, recipient);

    public Task<MailDraft?> DraftAsync(NotifyMessage message, CancellationToken cancellationToken) =>
        Task.FromResult<MailDraft?>(new MailDraft(NotificationKeys.Operator(message.Date, message.Recipient), async ct =>
        {
            var report = await reports.BuildAsync(message.Date, ct);
            return new OutgoingMail(message.Recipient, OperatorReportRenderer.Render(report), report.Problems);
        }));
}
