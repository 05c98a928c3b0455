using ApprovalWatch.Presentation.Mail;
using Microsoft.Extensions.Options;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace ApprovalWatch.Pipeline.Mail;

/// <summary>Sends through the SendGrid SDK: 429 and 5xx are transient, 401/403 the account's, a call that timed out after it was sent uncertain.</summary>
public sealed class SendGridMailer(IOptions<MailOptions> options, IOptions<SendGridOptions> sendGrid) : IMailTransport
{
    private readonly SendGridClient _client = new(new HttpClient { Timeout = TimeSpan.FromSeconds(options.Value.TimeoutSeconds) }, Client(sendGrid.Value));

    public async Task<string> SendAsync(
        string to,
        string toName,
        RenderedMail mail,
        IDictionary<string, string> customArgs,
        CancellationToken cancellationToken
    )
    {
        var message = MailHelper.CreateSingleEmail(
            new EmailAddress(options.Value.From, options.Value.FromName),
            new EmailAddress(to, toName),
            mail.Subject,
            mail.Text,
            mail.Html);
        foreach (var (key, value) in customArgs)
        {
            message.AddCustomArg(key, value);
        }

        foreach (var file in mail.Attachments)
        {
            message.AddAttachment(
                file.FileName,
                Convert.ToBase64String(file.Content),
                file.ContentType,
                file.ContentId is null ? "attachment" : "inline",
                file.ContentId
            );
        }

        Response response;
        try
        {
            response = await _client.SendEmailAsync(message, cancellationToken);
        }
        catch (HttpRequestException e)
            when (e.HttpRequestError
                    is HttpRequestError.ConnectionError
                        or HttpRequestError.NameResolutionError
                        or HttpRequestError.SecureConnectionError
            )
        {
            throw new MailDeliveryException(DeliveryFailure.Transient, $"SendGrid could not be reached: {e.Message}", inner: e);
        }
        catch (HttpRequestException e)
        {
            throw new MailDeliveryException(DeliveryFailure.Uncertain, $"The call to SendGrid broke off after it was sent: {e.Message}", inner: e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new MailDeliveryException(
                DeliveryFailure.Uncertain,
                $"SendGrid did not answer within {options.Value.TimeoutSeconds} s; the mail may have been delivered.",
                inner: e
            );
        }

        // The client does not throw on HTTP errors.
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Body.ReadAsStringAsync(cancellationToken);
            throw new MailDeliveryException(
                MailDeliveryException.Classify(response.StatusCode),
                $"SendGrid answered {(int)response.StatusCode} {response.StatusCode}: {body}",
                RetryAfter(response));
        }

        return response.Headers.TryGetValues("X-Message-Id", out var ids) ? ids.First() : "";
    }

    private static TimeSpan? RetryAfter(Response response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow,
        _ => null,
    };

    private static SendGridClientOptions Client(SendGridOptions mail)
    {
        var client = new SendGridClientOptions { ApiKey = mail.ApiKey };
        if (!string.IsNullOrWhiteSpace(mail.Host))
        {
            client.Host = mail.Host.TrimEnd('/');
        }

        return client;
    }
}
