using System.ComponentModel.DataAnnotations;

namespace ApprovalWatch.Pipeline.Mail;

/// <summary>How mail goes out, whatever the transport (configuration section <c>Mail</c>).</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    /// <summary><see cref="MailTransport.SendGrid"/> (the default) or <see cref="MailTransport.Smtp"/>.</summary>
    public MailTransport Transport { get; set; } = MailTransport.SendGrid;

    [Required]
    [EmailAddress]
    public string From { get; set; } = "";

    public string FromName { get; set; } = Presentation.Mail.MailTemplates.SenderName;

    /// <summary>How long one send may take before its outcome is unknown.</summary>
    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Tries of one mail when the transport fails for a while (429, 5xx, 4xx SMTP replies, no connection), before it is recorded as failed.</summary>
    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait before the second try when the provider names none (Retry-After); doubled each try.</summary>
    [Range(1, 3600)]
    public int RetryBaseSeconds { get; set; } = 30;

    /// <summary>The longest wait between two tries, whatever Retry-After asks.</summary>
    [Range(1, 86_400)]
    public int MaxRetryDelaySeconds { get; set; } = 3600;

    /// <summary>How long a one-shot run (the CLI's demo) waits for mail whose retry falls due, before it says what still waits.</summary>
    [Range(0, 3600)]
    public int OneShotWaitSeconds { get; set; } = 120;

    public TimeSpan OneShotWait => TimeSpan.FromSeconds(OneShotWaitSeconds);
}
