using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Domain.Receipts;
using ApprovalWatch.Pipeline.Gathering;
using ApprovalWatch.Pipeline.Ingestion;
using ApprovalWatch.Pipeline.Mail;
using ApprovalWatch.Pipeline.Scanning;
using ApprovalWatch.Pipeline.Storage;
using ApprovalWatch.Pipeline.Templates;

namespace ApprovalWatch.Pipeline.Hosting;

/// <summary>
/// The one entry point of each function: what the Azure Functions app, the CLI's local host and the
/// tests call with a timer tick or a queue message's text, so that all of them run what Azure runs.
/// </summary>
public sealed class PipelineFunctions(
    TemplatePublisher templates,
    SubmissionGatherer gatherer,
    SubmissionIngestor ingestor,
    DeadlineScanner scanner,
    ShardScanner shards,
    NotificationSender sender,
    KeyProjects.WeeklyReports weekly,
    Operations.ConfigurationAlarm alarm,
    Telemetry.PipelineMetrics metrics,
    Operations.BacklogProbe backlog,
    Backup.TableBackup backup,
    TimeProvider time
)
{
    /// <summary>GatherSubmissions: templates brought up to date with the catalogue, then new or changed files queued.</summary>
    public async Task<GatherResult> GatherSubmissionsAsync(CancellationToken cancellationToken)
    {
        var written = await templates.PublishIfChangedAsync(cancellationToken);
        var gathered = await gatherer.GatherAsync(cancellationToken);
        await backlog.MeasureAsync(cancellationToken);
        return new GatherResult(written, gathered);
    }

    /// <summary>IngestSubmission: one <see cref="IngestMessage"/>.</summary>
    public async Task<Receipt?> IngestSubmissionAsync(string message, CancellationToken cancellationToken)
    {
        var receipt = await ingestor.IngestAsync(QueueMessages.Read<IngestMessage>(message), cancellationToken);
        if (receipt is not null)
        {
            metrics.Ingested(receipt.Status);
        }

        return receipt;
    }

    /// <summary>
    /// ScanDeadlines: today's scan (Beijing), or a given office day's, cut into shards and queued. A configuration that
    /// cannot be read at all is told to the fallback operator address, and the run still fails (the platform's alert).
    /// </summary>
    public async Task<ScanStart> ScanDeadlinesAsync(DateOnly? date, CancellationToken cancellationToken)
    {
        try
        {
            var start = await scanner.StartAsync(date, cancellationToken);
            if (start.Skipped is not null)
            {
                metrics.ScanDayOff();
            }

            return start;
        }
        catch (Reference.ConfigurationUnavailableException e)
        {
            await alarm.RaiseAsync(date ?? Domain.Calendar.OfficeClock.Today(time), e, cancellationToken);
            throw;
        }
    }

    /// <summary>ScanShard: one <see cref="ScanShardMessage"/>; the day's result when this shard was the last to finish.</summary>
    public async Task<ScanResult?> ScanShardAsync(string message, CancellationToken cancellationToken)
    {
        var finished = await shards.ScanAsync(QueueMessages.Read<ScanShardMessage>(message), cancellationToken);
        if (finished is not null)
        {
            metrics.ScanFinished(finished.Counts.Procedures, finished.Count(Flag.Red), finished.Count(Flag.Yellow), finished.Queued);
        }

        return finished;
    }

    /// <summary>WeeklyReport: this week's scheduling report (the week of today in Beijing, or a given one) archived and queued to its readers.</summary>
    public Task<KeyProjects.WeeklyReports.Published> WeeklyReportAsync(Domain.Weekly.ReportWeek? week, CancellationToken cancellationToken) =>
        weekly.PublishAsync(week ?? Domain.Weekly.ReportWeek.Of(Domain.Calendar.OfficeClock.Today(time)), send: true, cancellationToken);

    /// <summary>SendDigest: one <see cref="NotifyMessage"/>; SendGrid's message id, or null when it had been sent.</summary>
    public Task<string?> SendDigestAsync(string message, CancellationToken cancellationToken) =>
        sender.SendAsync(NotifyMessage.Read(message), cancellationToken);

    /// <summary>BackupTables: tonight's export of every state table (Beijing's date), once; the rows by table, or null when it was there.</summary>
    public Task<IReadOnlyDictionary<string, long>?> BackupTablesAsync(CancellationToken cancellationToken) =>
        backup.ExportNightlyAsync(Domain.Calendar.OfficeClock.Today(time), cancellationToken);
}
