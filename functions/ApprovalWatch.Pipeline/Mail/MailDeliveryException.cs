using System.Net;

namespace ApprovalWatch.Pipeline.Mail;

/// <summary>The mail provider did not accept a message: why, and for a transient failure how long it asked to wait.</summary>
public sealed class MailDeliveryException(DeliveryFailure failure, string reason, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(reason, inner)
{
    public DeliveryFailure Failure { get; } = failure;

    /// <summary>The provider's Retry-After, when it sent one.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>How an HTTP answer other than 2xx is taken: SendGrid's documented statuses.</summary>
    public static DeliveryFailure Classify(HttpStatusCode status) => (int)status switch
    {
        401 or 403 => DeliveryFailure.Account,
        408 or 429 or >= 500 => DeliveryFailure.Transient,
        _ => DeliveryFailure.Permanent,
    };
}
