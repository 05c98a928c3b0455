using System.ComponentModel.DataAnnotations;

namespace ApprovalWatch.Pipeline.Mail;

/// <summary>SMTP settings (configuration section <c>Smtp</c>); the host is required when <see cref="MailOptions.Transport"/> is Smtp.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string Host { get; set; } = "";

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary><see cref="SmtpSecurity.StartTls"/> (port 587, the default), <see cref="SmtpSecurity.ImplicitTls"/> (port 465) or <see
    /// cref="SmtpSecurity.None"/> (a relay on a private network only).</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>Empty: the server relays without sign-in.</summary>
    public string UserName { get; set; } = "";

    /// <summary>In Azure a Key Vault reference, never the secret itself.</summary>
    public string Password { get; set; } = "";

    /// <summary>
    /// The SHA-256 thumbprint (hex) of a server certificate to trust although no trusted authority issued it
    /// (a government mail server with its own certificate); empty: only certificates the system trusts.
    /// </summary>
    public string TrustedCertificateThumbprint { get; set; } = "";
}
