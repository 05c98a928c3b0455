using ApprovalWatch.Cli;
using ApprovalWatch.Pipeline.Hosting;
using Microsoft.Extensions.Logging;

namespace ApprovalWatch.DevTools.Local;

/// <summary>
/// Runs the eight functions as the Functions host would, where no host can run: the four timers on their
/// NCRONTAB schedules (UTC; the nightly backup on its default) and the three queues polled, until cancelled.
/// </summary>
public sealed class LocalFunctionsHost(CliRuntime runtime, TimerSchedule gather, TimerSchedule scan, TimerSchedule weekly, TimeProvider time, ILogger logger)
{
    public Task RunAsync(CancellationToken cancellationToken)
    {
        var functions = runtime.Get<PipelineFunctions>();
        return Task.WhenAll(
            TimerAsync("GatherSubmissions", gather, functions.GatherSubmissionsAsync, cancellationToken),
            TimerAsync("ScanDeadlines", scan, ct => functions.ScanDeadlinesAsync(null, ct), cancellationToken),
            TimerAsync("WeeklyReport", weekly, ct => functions.WeeklyReportAsync(null, ct), cancellationToken),
            TimerAsync("BackupTables", TimerSchedule.Parse(Schedules.Backup), functions.BackupTablesAsync, cancellationToken),
            runtime.IngestPump().RunAsync(cancellationToken),
            runtime.ScanPump(functions.ScanShardAsync).RunAsync(cancellationToken),
            runtime.NotifyPump().RunAsync(cancellationToken));
    }

    private async Task TimerAsync(string name, TimerSchedule schedule, Func<CancellationToken, Task> run, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var next = schedule.Next(time.GetUtcNow());
            logger.LogInformation("{Function} next runs at {Next:u}", name, next);
            try
            {
                await Task.Delay(next - time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero, time, cancellationToken);
                await run(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Like the Functions host: a failed timer run is logged, not retried; the next run comes on schedule.
                logger.LogError(e, "{Function} failed", name);
            }
        }
    }
}
