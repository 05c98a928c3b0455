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
}
