using System.Net;

namespace ApprovalWatch.Testing.StandIns;

/// <summary>A way the local SendGrid endpoint can fail a request, as the real service and networks do.</summary>
public abstract record SendGridFault
{
    /// <summary>Only a request to this address meets the fault; any request when null.</summary>
    public string? To { get; init; }

    /// <summary>An error answer (429 with Retry-After, 5xx, 401, 400), nothing delivered.</summary>
    public sealed record Status(HttpStatusCode Code, int? RetryAfterSeconds = null) : SendGridFault;

    /// <summary>No answer for a while, nothing delivered; then the connection is dropped.</summary>
    public sealed record Hang(TimeSpan For) : SendGridFault;

    /// <summary>The mail is delivered, but the answer comes only after a delay (past the caller's timeout).</summary>
    public sealed record AnswerLate(TimeSpan After) : SendGridFault;
}
