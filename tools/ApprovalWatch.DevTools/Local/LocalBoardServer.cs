using System.Net;
using ApprovalWatch.Board;
using ApprovalWatch.Testing.StandIns;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace ApprovalWatch.DevTools.Local;

/// <summary>
/// Serves the board's pipeline with Kestrel on 127.0.0.1 only (never another interface), as one chosen person
/// (<c>--as EMAIL</c>): where App Service Authentication would sign him in, the host gives the identity here.
/// </summary>
public sealed class LocalBoardServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LocalBoardServer(WebApplication app, string address) => (_app, Address) = (app, address);

    public string Address { get; }

    /// <summary>Starts serving on the port, or on a free one when <paramref name="port"/> is 0.</summary>
    public static async Task<LocalBoardServer> StartAsync(BoardPipeline board, string identity, int port, CancellationToken cancellationToken = default)
    {
        port = port == 0 ? LocalPorts.Free() : port;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var person = HostSignIn.As(identity);
        app.Run(http =>
        {
            http.User = person;
            return board.ServeAsync(http);
        });
        await app.StartAsync(cancellationToken);
        return new LocalBoardServer(app, $"http://127.0.0.1:{port}");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
