
namespace ApprovalWatch.Pipeline.Mail;

public enum MailTransport
{
    /// <summary>SendGrid's Web API (section <c>SendGrid</c>).</summary>
    SendGrid,

    /// <summary>An SMTP server, e.g. a government mail server (section <c>Smtp</c>).</summary>
    Smtp,
}
