using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;

namespace ApprovalWatch.Testing.StandIns;

/// <summary>
/// A SendGrid-compatible <c>POST /v3/mail/send</c> on 127.0.0.1, for local runs and tests: the real SendGrid
/// SDK sends to it, and it writes each message to a folder as <c>.eml</c> and <c>.html</c>. It can be told
/// to answer the next requests with an error, to show what the pipeline does when SendGrid fails.
/// </summary>
public sealed class LocalSendGridEndpoint : IAsyncDisposable
{
    private readonly LocalHttpListener _listener;
    private readonly string? _folder;
    private readonly List<SendGridFault> _faults = [];
    private readonly ConcurrentQueue<ReceivedMail> _received = new();
    private int _count;
    private int _requests;

    public LocalSendGridEndpoint(string? folder = null)
    {
        _folder = folder;
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        _listener = new LocalHttpListener(HandleSafelyAsync, concurrent: true);
    }

    public int Port => _listener.Port;

    /// <summary>What to put in <c>SendGrid:Host</c>.</summary>
    public string Host => $"http://127.0.0.1:{Port}";

    public IReadOnlyCollection<ReceivedMail> Received => _received;

    /// <summary>Every call to <c>/v3/mail/send</c>, answered or not.</summary>
    public int Requests => _requests;

    /// <summary>Answers the next <paramref name="count"/> requests with <paramref name="status"/> instead of 202.</summary>
    public void FailNext(int count, HttpStatusCode status, int? retryAfterSeconds = null, string? to = null) =>
        Inject(Enumerable.Range(0, count).Select(_ => new SendGridFault.Status(status, retryAfterSeconds) { To = to }).ToArray());

    /// <summary>Meets the next requests with these faults, one each, in order; then it answers as SendGrid does.</summary>
    public void Inject(params SendGridFault[] faults)
    {
        lock (_faults)
        {
            _faults.AddRange(faults);
        }
    }

    public ValueTask DisposeAsync() => _listener.DisposeAsync();

    private async Task HandleSafelyAsync(HttpListenerContext context)
    {
        try
        {
            await HandleAsync(context);
        }
        catch (Exception e)
        {
            try
            {
                await AnswerAsync(context.Response, HttpStatusCode.BadRequest, $"{{\"errors\":[{{\"message\":{JsonSerializer.Serialize(e.Message)}}}]}}");
            }
            catch (Exception e2) when (e2 is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                // The caller is gone (it timed out): nothing to answer.
            }
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        if (request.HttpMethod != "POST" || request.Url?.AbsolutePath != "/v3/mail/send")
        {
            await AnswerAsync(context.Response, HttpStatusCode.NotFound, "{\"errors\":[{\"message\":\"not found\"}]}");
            return;
        }

        if (request.Headers["Authorization"] is not { } auth || !auth.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            await AnswerAsync(context.Response, HttpStatusCode.Unauthorized, "{\"errors\":[{\"message\":\"authorization required\"}]}");
            return;
        }

        using var body = await JsonDocument.ParseAsync(request.InputStream);
        Interlocked.Increment(ref _requests);
        var root = body.RootElement;
        var personalization = root.GetProperty("personalizations")[0];
        var to = personalization.GetProperty("to")[0].GetProperty("email").GetString() ?? "";
        var fault = NextFault(to);
        switch (fault)
        {
            case SendGridFault.Status status:
                if (status.RetryAfterSeconds is { } seconds)
                {
                    context.Response.Headers["Retry-After"] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                await AnswerAsync(context.Response, status.Code, "{\"errors\":[{\"message\":\"injected failure\"}]}");
                return;
            case SendGridFault.Hang hang:
                await Task.Delay(hang.For);
                context.Response.Abort();
                return;
        }

        var from = root.GetProperty("from").GetProperty("email").GetString() ?? "";
        var subject = (personalization.TryGetProperty("subject", out var s) || root.TryGetProperty("subject", out s) ? s.GetString() : null) ?? "";
        string Content(string type) => root.GetProperty("content").EnumerateArray()
            .Where(c => c.GetProperty("type").GetString() == type).Select(c => c.GetProperty("value").GetString() ?? "").FirstOrDefault() ?? "";
        var number = Interlocked.Increment(ref _count);
        var id = $"local-{number:D6}-{Guid.NewGuid():N}"[..24];
        var attachments = root.TryGetProperty("attachments", out var files)
            ? files
                .EnumerateArray()
                .Select(a => (a.GetProperty("filename").GetString() ?? "", Convert.FromBase64String(a.GetProperty("content").GetString() ?? "")))
                .ToList()
            : [];
        var mail = new ReceivedMail(id, from, to, subject, Content("text/plain"), Content("text/html"), null) { Attachments = attachments };
        if (_folder is not null)
        {
            var stem = Path.Combine(_folder, $"{number:D4}-{Safe(to)}");
            await File.WriteAllTextAsync(stem + ".eml", Eml(mail));
            await File.WriteAllTextAsync(stem + ".html", mail.Html);
            mail = mail with { EmlPath = stem + ".eml" };
        }

        _received.Enqueue(mail);
        if (fault is SendGridFault.AnswerLate late)
        {
            await Task.Delay(late.After);
        }

        context.Response.Headers["X-Message-Id"] = id;
        await AnswerAsync(context.Response, HttpStatusCode.Accepted, "");
    }

    private SendGridFault? NextFault(string to)
    {
        lock (_faults)
        {
            var index = _faults.FindIndex(f => f.To is null || f.To.Equals(to, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                return null;
            }

            var fault = _faults[index];
            _faults.RemoveAt(index);
            return fault;
        }
    }

    private static async Task AnswerAsync(HttpListenerResponse response, HttpStatusCode status, string body)
    {
        response.StatusCode = (int)status;
        var bytes = Encoding.UTF8.GetBytes(body);
        response.ContentType = "application/json";
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }

    private static string Safe(string name) => string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '.' or '@' or '-' or '_' ? c : '_'));

    private static string Eml(ReceivedMail mail)
    {
        static string B64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text), Base64FormattingOptions.InsertLineBreaks);
        const string boundary = "approvalwatch-alternative";
        return new StringBuilder()
            .Append("From: ").Append(mail.From).Append("\r\n")
            .Append("To: ").Append(mail.To).Append("\r\n")
            .Append("Subject: =?UTF-8?B?").Append(Convert.ToBase64String(Encoding.UTF8.GetBytes(mail.Subject))).Append("?=\r\n")
            .Append("Message-ID: <").Append(mail.MessageId).Append("@approvalwatch.local>\r\n")
            .Append("MIME-Version: 1.0\r\n")
            .Append("Content-Type: multipart/alternative; boundary=\"").Append(boundary).Append("\"\r\n\r\n")
            .Append("--").Append(boundary).Append("\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n")
            .Append(B64(mail.Text)).Append("\r\n")
            .Append("--").Append(boundary).Append("\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n")
            .Append(B64(mail.Html)).Append("\r\n")
            .Append("--").Append(boundary).Append("--\r\n")
            .ToString();
    }
}
