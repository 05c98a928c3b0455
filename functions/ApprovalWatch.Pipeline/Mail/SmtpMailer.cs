using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ApprovalWatch.Presentation.Mail;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Utils;

namespace ApprovalWatch.Pipeline.Mail;

/// <summary>
/// Sends through an SMTP server with MailKit: STARTTLS or implicit TLS, sign-in when a user name is set.
/// A 4xx reply or a connection that fails before the message is transferred is transient; a 5xx reply (a
/// refused recipient) is final; a refused sign-in is the account's; a connection lost once the message's
/// bytes started to go is uncertain, as the server may have taken it.
/// </summary>
public sealed class SmtpMailer(IOptions<MailOptions> options, IOptions<SmtpOptions> smtp) : IMailTransport
{
    public async Task<string> SendAsync(
        string to,
        string toName,
        RenderedMail mail,
        IDictionary<string, string> customArgs,
        CancellationToken cancellationToken
    )
    {
        var settings = smtp.Value;
        var from = new MailboxAddress(options.Value.FromName, options.Value.From);
        var body = new BodyBuilder { TextBody = mail.Text, HtmlBody = mail.Html };
        foreach (var file in mail.Attachments)
        {
            var part = file.ContentId is null
                ? body.Attachments.Add(file.FileName, file.Content, ContentType.Parse(file.ContentType))
                : body.LinkedResources.Add(file.FileName, file.Content, ContentType.Parse(file.ContentType));
            part.ContentId = file.ContentId ?? part.ContentId;
        }

        var message = new MimeMessage { Subject = mail.Subject, Body = body.ToMessageBody() };
        message.From.Add(from);
        message.To.Add(new MailboxAddress(toName, to));
        message.MessageId = MimeUtils.GenerateMessageId(from.Domain);
        foreach (var (key, value) in customArgs)
        {
            message.Headers.Add($"X-ApprovalWatch-{key}", value);
        }

        using var client = new SmtpClient { Timeout = options.Value.TimeoutSeconds * 1000 };
        if (settings.TrustedCertificateThumbprint.Length > 0)
        {
            client.ServerCertificateValidationCallback = (_, certificate, _, errors) =>
                errors == SslPolicyErrors.None || IsTrusted(certificate, settings.TrustedCertificateThumbprint);
        }

        var transfer = new Transfer();
        try
        {
            await client.ConnectAsync(settings.Host, settings.Port, Security(settings.Security), cancellationToken);
            if (settings.UserName.Length > 0)
            {
                await client.AuthenticateAsync(settings.UserName, settings.Password, cancellationToken);
            }

            await client.SendAsync(message, cancellationToken, transfer);
            await client.DisconnectAsync(quit: true, cancellationToken);
            return message.MessageId;
        }
        catch (AuthenticationException e)
        {
            throw new MailDeliveryException(DeliveryFailure.Account, $"{settings.Host} refused the sign-in of {settings.UserName}: {e.Message}", inner: e);
        }
        catch (SmtpCommandException e) when ((int)e.StatusCode is >= 400 and < 500)
        {
            throw new MailDeliveryException(DeliveryFailure.Transient, $"{settings.Host} answered {(int)e.StatusCode}: {e.Message}", inner: e);
        }
        catch (SmtpCommandException e)
        {
            throw new MailDeliveryException(
                DeliveryFailure.Permanent,
                $"{settings.Host} answered {(int)e.StatusCode} ({e.ErrorCode}{(e.Mailbox is { } box ? $" {box.Address}" : "")}): {e.Message}",
                inner: e
            );
        }
        catch (Exception e) when (e is IOException or SocketException or SmtpProtocolException or SslHandshakeException or ServiceNotConnectedException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            if (transfer.Started)
            {
                throw new MailDeliveryException(
                    DeliveryFailure.Uncertain,
                    $"The connection to {settings.Host} broke off while the message was being transferred: it may have been delivered ({e.Message})",
                    inner: e
                );
            }

            throw new MailDeliveryException(DeliveryFailure.Transient, $"{settings.Host}:{settings.Port} could not take the message: {e.Message}", inner: e);
        }
    }

    private static SecureSocketOptions Security(SmtpSecurity security) => security switch
    {
        SmtpSecurity.ImplicitTls => SecureSocketOptions.SslOnConnect,
        SmtpSecurity.None => SecureSocketOptions.None,
        _ => SecureSocketOptions.StartTls,
    };

    private static bool IsTrusted(X509Certificate? certificate, string thumbprint) =>
        certificate is not null
        && string.Equals(
            Convert.ToHexString(SHA256.HashData(certificate.GetRawCertData())),
            thumbprint.Replace(":", "", StringComparison.Ordinal),
            StringComparison.OrdinalIgnoreCase
        );

    /// <summary>Whether any of the message's bytes went to the server: after that, a lost connection leaves the outcome unknown.</summary>
    private sealed class Transfer : ITransferProgress
    {
        public bool Started { get; private set; }

        public void Report(long bytesTransferred, long totalSize) => Started |= bytesTransferred > 0;

        public void Report(long bytesTransferred) => Started |= bytesTransferred > 0;
    }
}
