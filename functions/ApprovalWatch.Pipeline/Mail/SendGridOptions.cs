
namespace ApprovalWatch.Pipeline.Mail;

/// <summary>SendGrid settings (configuration section <c>SendGrid</c>); the key is required when <see cref="MailOptions.Transport"/> is SendGrid.</summary>
public sealed class SendGridOptions
{
    public const string Section = "SendGrid";

    public string ApiKey { get; set; } = "";

    /// <summary>The API host; null for SendGrid itself. Tests and local runs point it at a loopback endpoint.</summary>
    public string? Host { get; set; }
}
