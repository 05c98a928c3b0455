using ApprovalWatch.Presentation.Mail;

namespace ApprovalWatch.Pipeline.Mail;

/// <summary>
/// Sends one rendered email and returns the provider's message id. A failure is a <see cref="MailDeliveryException"/>
/// that says whether trying again can help, and whether the mail may have gone out all the same.
/// </summary>
public interface IMailTransport
{
    Task<string> SendAsync(string to, string toName, RenderedMail mail, IDictionary<string, string> customArgs, CancellationToken cancellationToken);
}
