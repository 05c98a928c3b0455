using ApprovalWatch.Cli;
using ApprovalWatch.DevTools.Local;
using ApprovalWatch.Board;

namespace ApprovalWatch.DevTools.Commands;

/// <summary><c>serve --as EMAIL</c>: the board on 127.0.0.1 as that person (uploads read as they come), until Ctrl+C.</summary>
public static class ServeCommand
{
    public static async Task<int> RunAsync(CliSettings settings, string identity, TextWriter output, CancellationToken cancellationToken)
    {
        await using var local = await LocalRuntime.StartAsync(settings, cancellationToken);
        var runtime = local.Runtime;
        await ShowBoardAsync(runtime, settings, identity, [], serve: true, output, cancellationToken);
        return 0;
    }

    /// <summary>Serves the board, takes screenshots of the pages into <c>out/board/</c>, and keeps serving until Ctrl+C when asked.</summary>
    public static async Task ShowBoardAsync(
        CliRuntime runtime,
        CliSettings settings,
        string identity,
        IReadOnlyList<(string Name, string Path)> screenshots,
        bool serve,
        TextWriter output,
        CancellationToken cancellationToken
    )
    {
        await using var server = await LocalBoardServer.StartAsync(runtime.Get<BoardPipeline>(), identity, serve ? settings.BoardPort : 0, cancellationToken);
        if (screenshots.Count > 0)
        {
            var folder = Path.Combine(settings.OutFolder, "board");
            output.WriteLine(await BoardScreenshots.TakeAsync(server.Address, screenshots, folder, cancellationToken)
                ? $"Board: screenshots of {string.Join(", ", screenshots.Select(s => s.Path))} in {folder}"
                : "Board: no Chromium here for screenshots (apt-get install chromium, or set CHROMIUM_PATH)");
        }

        if (!serve)
        {
            output.WriteLine("Board: `./run.sh --serve` keeps it served on 127.0.0.1 (as the coordinator) until Ctrl+C");
            return;
        }

        output.WriteLine(
            $"Board: {server.Address}/board as {identity}, on 127.0.0.1 only; files submitted on {server.Address}/submit are read at once; Ctrl+C to stop"
        );
        // What the Functions host does for an upload: the ingest queue read, the receipt's mail sent.
        await Task.WhenAll(runtime.IngestPump().RunAsync(cancellationToken), runtime.NotifyPump().RunAsync(cancellationToken));
    }
}
