using System.ComponentModel.DataAnnotations;

namespace ApprovalWatch.Mail;

/// <summary>SendGrid settings (configuration section <c>SendGrid</c>).</summary>
public sealed class SendGridOptions
{
    public const string Section = "SendGrid";

    [Required]
    public string ApiKey { get; set; } = "";

    [Required]
    [EmailAddress]
    public string From { get; set; } = "";

    public string FromName { get; set; } = "ApprovalWatch 审批时限提醒";

    /// <summary>The API host; null for SendGrid itself. Tests and local runs point it at a loopback endpoint.</summary>
    public string? Host { get; set; }

    /// <summary>How long one call may take before its outcome is unknown (SendGrid answers in well under a second).</summary>
    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Tries of one mail when SendGrid fails for a while (429, 5xx, no connection), before it is recorded as failed.</summary>
    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait before the second try when SendGrid names none (Retry-After); doubled each try.</summary>
    [Range(1, 3600)]
    public int RetryBaseSeconds { get; set; } = 30;

    /// <summary>The longest wait between two tries, whatever Retry-After asks.</summary>
    [Range(1, 86_400)]
    public int MaxRetryDelaySeconds { get; set; } = 3600;
}
