using System.Net.Http.Json;
using System.Text.Json;
using ApprovalWatch.Domain.Chat;
using ApprovalWatch.Pipeline.Mail;
using Microsoft.Extensions.Options;

namespace ApprovalWatch.Pipeline.Chat;

/// <summary>
/// Posts a Markdown message to a WeCom or DingTalk group robot, signed where the robot signs. Both answer HTTP 200 with
/// <c>errcode</c>: 0 is sent; "too fast" and "busy" are transient, as are 429, 5xx and no connection; any other code
/// is a refusal (a wrong webhook, key or signature) that trying again cannot mend; no answer in time is uncertain.
/// </summary>
public sealed class ChatRobotClient(IOptions<ChatOptions> options, TimeProvider time)
{
    // WeCom: -1 busy, 45009 over the rate limit; DingTalk: -1 busy, 130101 and 410100 sent too fast.
    private static readonly HashSet<int> TransientCodes = [-1, 45009, 130101, 410100];

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(options.Value.TimeoutSeconds) };

    /// <returns>An id for the ledger: the platform and the time it was accepted.</returns>
    public async Task<string> PostAsync(
        ChatPlatform platform,
        string webhook,
        string? signSecret,
        string title,
        string markdown,
        CancellationToken cancellationToken
    )
    {
        var url = signSecret is not null ? DingTalkSignature.Append(webhook, signSecret, time.GetUtcNow()) : webhook;
        object payload = platform == ChatPlatform.WeCom
            ? new { msgtype = "markdown", markdown = new { content = markdown } }
            : new { msgtype = "markdown", markdown = new { title, text = markdown } };
        HttpResponseMessage response;
        try
        {
            response = await _http.PostAsJsonAsync(url, payload, cancellationToken);
        }
        catch (HttpRequestException e)
            when (e.HttpRequestError
                    is HttpRequestError.ConnectionError
                        or HttpRequestError.NameResolutionError
                        or HttpRequestError.SecureConnectionError
            )
        {
            throw new MailDeliveryException(DeliveryFailure.Transient, $"The {platform} robot could not be reached: {e.Message}", inner: e);
        }
        catch (HttpRequestException e)
        {
            throw new MailDeliveryException(DeliveryFailure.Uncertain, $"The call to the {platform} robot broke off after it was sent: {e.Message}", inner: e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new MailDeliveryException(
                DeliveryFailure.Uncertain,
                $"The {platform} robot did not answer within {options.Value.TimeoutSeconds} s; the message may have been posted.",
                inner: e
            );
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                var failure =
                    MailDeliveryException.Classify(response.StatusCode) is DeliveryFailure.Transient
                        ? DeliveryFailure.Transient
                        : DeliveryFailure.Permanent;
                throw new MailDeliveryException(
                    failure,
                    $"The {platform} robot answered {(int)response.StatusCode}: {body}",
                    response.Headers.RetryAfter?.Delta
                );
            }

            var (code, message) = Answer(body);
            return code switch
            {
                0 => $"{platform}-{time.GetUtcNow().ToUnixTimeMilliseconds()}",
                _ when TransientCodes.Contains(code) => throw new MailDeliveryException(
                    DeliveryFailure.Transient,
                    $"The {platform} robot asked to wait: {code} {message}"
                ),
                _ => throw new MailDeliveryException(DeliveryFailure.Permanent, $"The {platform} robot refused the message: {code} {message}"),
            };
        }
    }

    private static (int Code, string Message) Answer(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            return (
                root.TryGetProperty("errcode", out var code) && code.TryGetInt32(out var c) ? c : -2,
                root.TryGetProperty("errmsg", out var m) ? m.GetString() ?? "" : ""
            );
        }
        catch (JsonException)
        {
            return (-2, $"not the robot's answer: {body[..Math.Min(body.Length, 200)]}");
        }
    }
}
