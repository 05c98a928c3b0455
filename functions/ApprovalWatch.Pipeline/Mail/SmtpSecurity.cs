
namespace ApprovalWatch.Pipeline.Mail;

public enum SmtpSecurity
{
    /// <summary>Plain connection upgraded with STARTTLS, which the server must offer.</summary>
    StartTls,

    /// <summary>TLS from the first byte (SMTPS, port 465).</summary>
    ImplicitTls,

    /// <summary>No encryption: only for a relay on a private network.</summary>
    None,
}
