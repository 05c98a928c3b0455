using System.Net;

namespace ApprovalWatch.Testing.StandIns;

/// <summary>
/// How the local stand-ins serve HTTP: a listener on a free port of 127.0.0.1 only, each request handed to the stand-in —
/// side by side when <c>concurrent</c> (one held request then holds no other), else one after the other — until disposed.
/// </summary>
public sealed class LocalHttpListener : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public LocalHttpListener(Func<HttpListenerContext, Task> handle, bool concurrent)
    {
        Port = LocalPorts.Free();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(() => ServeAsync(handle, concurrent));
    }

    public int Port { get; }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async Task ServeAsync(Func<HttpListenerContext, Task> handle, bool concurrent)
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            if (concurrent)
            {
                _ = Task.Run(() => handle(context));
                continue;
            }

            try
            {
                await handle(context);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or IOException)
            {
                // The caller is gone: nothing to answer.
            }
        }
    }
}
