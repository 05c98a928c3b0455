using ApprovalWatch.Digests;
using Microsoft.Extensions.Options;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace ApprovalWatch.Mail;

/// <summary>Sends one rendered email through the SendGrid SDK and returns SendGrid's message id.</summary>
public sealed class SendGridMailer(IOptions<SendGridOptions> options)
{
    private readonly SendGridClient _client = new(new HttpClient(), Client(options.Value));

    public async Task<string> SendAsync(string to, string toName, RenderedMail mail, IDictionary<string, string> customArgs, CancellationToken cancellationToken)
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

        // The client does not throw on HTTP errors: a 429 or 5xx must fail the queue message so it is retried.
        var response = await _client.SendEmailAsync(message, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new MailDeliveryException(response.StatusCode, await response.Body.ReadAsStringAsync(cancellationToken));
        }

        return response.Headers.TryGetValues("X-Message-Id", out var ids) ? ids.First() : "";
    }

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
