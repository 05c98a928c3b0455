using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using ApprovalWatch.Domain.Chat;

namespace ApprovalWatch.Testing.StandIns;

/// <summary>A message a local group robot accepted: its platform, the robot's key or token, the title and the Markdown.</summary>
public sealed record ReceivedChat(ChatPlatform Platform, string Robot, string Title, string Markdown);

/// <summary>
/// WeCom and DingTalk group robot webhooks on 127.0.0.1, for local runs and tests, answering as the platforms do:
/// <c>POST /cgi-bin/webhook/send?key=K</c> (WeCom) and <c>POST /robot/send?access_token=T&amp;timestamp=…&amp;sign=…</c>
/// (DingTalk, whose signature it checks for a robot registered with a secret: wrong, missing or over an hour old →
/// errcode 310000). It answers <c>{"errcode":0,"errmsg":"ok"}</c>, or the next injected error codes or HTTP statuses.
/// </summary>
public sealed class LocalChatRobots : IAsyncDisposable
{
    private readonly LocalHttpListener _listener;
    private readonly ConcurrentDictionary<string, string> _secrets = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<int> _faults = new();
    private readonly ConcurrentQueue<ReceivedChat> _received = new();
    private readonly string? _folder;
    private readonly TimeProvider _clock;
    private int _requests;

    /// <param name="clock">The platform's clock, which a signature's timestamp must be within an hour of.</param>
    public LocalChatRobots(string? folder = null, TimeProvider? clock = null)
    {
        _folder = folder;
        _clock = clock ?? TimeProvider.System;
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        _listener = new LocalHttpListener(HandleAsync, concurrent: false);
    }

    public int Port => _listener.Port;

    public IReadOnlyCollection<ReceivedChat> Received => _received;

    public int Requests => _requests;

    /// <summary>A WeCom robot's webhook URL for a key.</summary>
    public string WeCom(string key) => $"http://127.0.0.1:{Port}/cgi-bin/webhook/send?key={Uri.EscapeDataString(key)}";

    /// <summary>A DingTalk robot's webhook URL for a token; with a secret, the robot accepts only requests signed with it.</summary>
    public string DingTalk(string token, string? secret = null)
    {
        if (secret is not null)
        {
            _secrets[token] = secret;
        }

        return $"http://127.0.0.1:{Port}/robot/send?access_token={Uri.EscapeDataString(token)}";
    }

    /// <summary>
    /// The <c>Chat:Secrets</c> that point robots at these stand-ins, where no Key Vault is: each department's webhook here
    /// (its id as the key or token), and a signing secret for a DingTalk robot that signs.
    /// </summary>
    public IReadOnlyDictionary<string, string?> SecretsFor(IEnumerable<ChatRobot> robots)
    {
        var secrets = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var robot in robots)
        {
            var sign = robot.SignSecret is null ? null : $"SEC-local-{robot.Department}";
            secrets[$"Chat:Secrets:{robot.WebhookSecret}"] = robot.Platform == ChatPlatform.WeCom ? WeCom(robot.Department) : DingTalk(robot.Department, sign);
            if (robot.SignSecret is { } name)
            {
                secrets[$"Chat:Secrets:{name}"] = sign;
            }
        }

        return secrets;
    }

    /// <summary>Answers the next requests with these: an error code (HTTP 200, as the platforms answer), or an HTTP status when 100–599 is given
    /// negated.</summary>
    public void FailNext(params int[] codes)
    {
        foreach (var code in codes)
        {
            _faults.Enqueue(code);
        }
    }

    public ValueTask DisposeAsync() => _listener.DisposeAsync();

    private async Task HandleAsync(HttpListenerContext context)
    {
        Interlocked.Increment(ref _requests);
        var request = context.Request;
        using var body = await JsonDocument.ParseAsync(request.InputStream);
        if (_faults.TryDequeue(out var fault))
        {
            if (fault < 0)
            {
                await AnswerAsync(context.Response, -fault, "{\"errcode\":-1,\"errmsg\":\"injected status\"}");
                return;
            }

            await AnswerAsync(context.Response, 200, $"{{\"errcode\":{fault},\"errmsg\":\"injected\"}}");
            return;
        }

        var markdown = body.RootElement.GetProperty("markdown");
        ReceivedChat received;
        switch (request.Url!.AbsolutePath)
        {
            case "/cgi-bin/webhook/send" when request.QueryString["key"] is { Length: > 0 } key:
                received = new ReceivedChat(ChatPlatform.WeCom, key, "", markdown.GetProperty("content").GetString() ?? "");
                break;
            case "/robot/send" when request.QueryString["access_token"] is { Length: > 0 } token:
                if (_secrets.TryGetValue(token, out var secret) && !SignedWith(secret, request.QueryString["timestamp"], request.QueryString["sign"]))
                {
                    await AnswerAsync(context.Response, 200, "{\"errcode\":310000,\"errmsg\":\"sign not match\"}");
                    return;
                }

                received = new ReceivedChat(
                    ChatPlatform.DingTalk,
                    token,
                    markdown.GetProperty("title").GetString() ?? "",
                    markdown.GetProperty("text").GetString() ?? ""
                );
                break;
            default:
                await AnswerAsync(context.Response, 200, "{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}");
                return;
        }

        _received.Enqueue(received);
        if (_folder is not null)
        {
            await File.WriteAllTextAsync(Path.Combine(_folder, $"{_received.Count:D3}-{received.Platform}-{received.Robot}.md"), received.Markdown);
        }

        await AnswerAsync(context.Response, 200, "{\"errcode\":0,\"errmsg\":\"ok\"}");
    }

    // As DingTalk checks: the timestamp within an hour of now, the signature of it with the robot's secret.
    private bool SignedWith(string secret, string? timestamp, string? sign) =>
        long.TryParse(timestamp, System.Globalization.CultureInfo.InvariantCulture, out var ms)
        && Math.Abs(_clock.GetUtcNow().ToUnixTimeMilliseconds() - ms) < 3_600_000
        && sign == DingTalkSignature.Sign(secret, ms);

    private static async Task AnswerAsync(HttpListenerResponse response, int status, string body)
    {
        response.StatusCode = status;
        response.ContentType = "application/json";
        var bytes = Encoding.UTF8.GetBytes(body);
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }
}
