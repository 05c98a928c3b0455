using System.Net;
using ApprovalWatch.Pipeline.Web;
using ApprovalWatch.Testing.StandIns;
using Microsoft.Extensions.Logging;
using WebRequest = ApprovalWatch.Pipeline.Web.WebRequest;

namespace ApprovalWatch.DevTools.Local;

/// <summary>
/// Serves the board on 127.0.0.1 only (never another interface), as one chosen person (<c>--as EMAIL</c>): where
/// App Service Authentication would sign him in, the identity is given here.
/// </summary>
public sealed class LocalBoardServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly BoardApp _app;
    private readonly string _identity;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;

    private LocalBoardServer(BoardApp app, string identity, int port, ILogger logger)
    {
        (_app, _identity, _logger) = (app, identity, logger);
        Address = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(Address + "/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public string Address { get; }

    /// <summary>Starts serving on the port, or on a free one when <paramref name="port"/> is 0.</summary>
    public static LocalBoardServer Start(BoardApp app, string identity, int port, ILogger logger) =>
        new(app, identity, port == 0 ? LocalPorts.Free() : port, logger);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _serving;
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or OperationCanceledException)
        {
        }

        _listener.Close();
        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            var request = context.Request;
            RequestBody? body = null;
            var answer = request.HttpMethod == "POST" && (body = await _app.ReadBodyAsync(request.ContentType, request.InputStream, request.HasEntityBody ? request.ContentLength64 : 0, _stop.Token)) is null
                ? _app.TooLarge()
                : await _app.HandleAsync(WebRequest.Of(request.HttpMethod, request.Url!.PathAndQuery, _identity).With(body) with { Host = request.Url.Authority, Origin = request.Headers["Origin"] }, _stop.Token);
            response.StatusCode = answer.Status;
            foreach (var (name, value) in answer.Headers)
            {
                if (name == "Content-Type")
                {
                    response.ContentType = value;
                }
                else
                {
                    response.Headers[name] = value;
                }
            }

            await response.OutputStream.WriteAsync(answer.Body, _stop.Token);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _logger.LogError(e, "{Method} {Path} failed", context.Request.HttpMethod, context.Request.Url?.AbsolutePath);
            response.StatusCode = 500;
        }
        finally
        {
            response.Close();
        }
    }
}
