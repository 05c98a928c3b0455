using System.Net;

namespace ApprovalWatch.Mail;

/// <summary>SendGrid did not accept a message. Thrown so that the queue tries the message again.</summary>
public sealed class MailDeliveryException(HttpStatusCode status, string body)
    : Exception($"SendGrid answered {(int)status} {status}: {body}")
{
    public HttpStatusCode Status { get; } = status;
}
