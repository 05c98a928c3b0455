using ApprovalWatch.Board;
using ApprovalWatch.Cli;
using ApprovalWatch.DevTools.Local;
using Microsoft.Extensions.Logging;

namespace ApprovalWatch.DevTools.Commands;

/// <summary>The functions run here as the Functions host would run them — timers on their schedules, the queues pumped — and the board on 127.0.0.1.</summary>
public static class HostCommand
{
    public static async Task<int> RunAsync(
        CliSettings settings,
        string gatherSchedule,
        string scanSchedule,
        string weeklySchedule,
        string boardIdentity,
        TextWriter output,
        CancellationToken cancellationToken
    )
    {
        var gather = TimerSchedule.Parse(gatherSchedule);
        var scan = TimerSchedule.Parse(scanSchedule);
        var weekly = TimerSchedule.Parse(weeklySchedule);
        await using var local = await LocalRuntime.StartAsync(settings with { Verbose = true }, cancellationToken);
        var runtime = local.Runtime;
        output.WriteLine(
            $"Running GatherSubmissions ({gather.Expression}), ScanDeadlines ({scan.Expression}), WeeklyReport ({weekly.Expression}), "
                + $"IngestSubmission, ScanShard and SendDigest until Ctrl+C."
        );
        if (local.Mail is { } mail)
        {
            output.WriteLine($"No SendGrid API key: mail goes to the local endpoint {mail.Host}, written to {Path.GetFullPath(settings.MailFolder)}");
        }

        var logger = runtime.Get<ILoggerFactory>().CreateLogger("ApprovalWatch.Host");
        await using var board = await LocalBoardServer.StartAsync(runtime.Get<BoardPipeline>(), boardIdentity, settings.BoardPort, cancellationToken);
        output.WriteLine($"Board: {board.Address}/board as {boardIdentity}, on 127.0.0.1 only");
        await new LocalFunctionsHost(runtime, gather, scan, weekly, runtime.Get<TimeProvider>(), logger).RunAsync(cancellationToken);
        return 0;
    }
}
