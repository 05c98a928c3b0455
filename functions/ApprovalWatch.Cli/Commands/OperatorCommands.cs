using ApprovalWatch.Domain.Operations;
using ApprovalWatch.Pipeline.Reference;
using ApprovalWatch.Domain.Calendar;
using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Domain.Digests;
using ApprovalWatch.Domain.Receipts;
using ApprovalWatch.Domain.Text;
using ApprovalWatch.Pipeline.Hosting;
using ApprovalWatch.Pipeline.Mail;
using ApprovalWatch.Pipeline.Operations;
using ApprovalWatch.Pipeline.Scanning;
using ApprovalWatch.Pipeline.Storage;
using ApprovalWatch.Presentation.Operations;

namespace ApprovalWatch.Cli.Commands;

/// <summary>The operator's commands over storage: ingest one file, scan (or dry-run) a day, what went wrong, mail sent again.</summary>
public static class OperatorCommands
{
    public static async Task<int> IngestAsync(CliSettings settings, FileInfo file, string department, TextWriter output, CancellationToken cancellationToken)
    {
        Domain.Catalogue.Department.Get(department);
        await using var runtime = await CliRuntime.StartAsync(settings, cancellationToken);
        var blob = runtime.Storage.Submissions.GetBlobClient($"{department}/{file.Name}");
        var uploaded = await blob.UploadAsync(file.FullName, overwrite: true, cancellationToken);
        var receipt = await runtime
            .Get<PipelineFunctions>()
            .IngestSubmissionAsync(QueueMessages.Write(new IngestMessage(blob.Name, uploaded.Value.ETag.ToString())), cancellationToken);
        Summary.Receipts(output, receipt is null ? [] : [receipt]);
        await runtime.NotifyPump().DrainAsync(cancellationToken); // the reply to the department's contact, if any
        return receipt?.Status == Receipt.UnreadableStatus ? 2 : 0;
    }

    public static async Task<int> ScanAsync(CliSettings settings, bool dryRun, TextWriter output, CancellationToken cancellationToken)
    {
        await using var runtime = await CliRuntime.StartAsync(settings, cancellationToken);
        var scan = dryRun
            ? await runtime.Get<DeadlineScanner>().PreviewAsync(settings.AsOf, cancellationToken)
            : await runtime.ScanAsync(settings.AsOf, cancellationToken);
        Summary.Scan(output, scan);
        if (scan.Skipped is not null)
        {
            return 0;
        }

        if (dryRun)
        {
            output.WriteLine("Dry run: nothing written, nothing sent.");
            Summary.Digests(output, scan);
            return 0;
        }

        await runtime.NotifyPump().DrainAsync(cancellationToken);
        Summary.Digests(output, scan);
        output.WriteLine($"Queued {scan.Queued} digest(s); {scan.AlreadyNotified} recipient(s) already notified today.");
        var waiting = (await runtime.Storage.NotifyQueue.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
        if (waiting > 0)
        {
            output.WriteLine(
                $"{waiting} message(s) wait in the queue for their recipients' office hours: the Functions app delivers them (here, `approvalwatch-dev host`)."
            );
        }
        return 0;
    }

    /// <summary>Prints what a past day's scan found or would have found, from the facts as they stood that day; writes nothing.</summary>
    public static async Task<int> ReplayAsync(CliSettings settings, TextWriter output, CancellationToken cancellationToken)
    {
        await using var runtime = await CliRuntime.StartAsync(settings, cancellationToken);
        var day = settings.AsOf ?? OfficeClock.Today(runtime.Get<TimeProvider>());
        var (scan, digests) = await runtime.Get<DeadlineScanner>().ReplayAsync(day, cancellationToken);
        Summary.Scan(output, scan);
        if (scan.Skipped is not null)
        {
            return 0;
        }

        output.WriteLine($"Replayed {IsoDate.Format(day)} from the stored facts as they stood that day: nothing written, nothing sent.");
        foreach (var line in digests.SelectMany(d => d.DistinctLines).DistinctBy(l => (l.ProjectCode, l.ItemCode)).Order(DigestLine.MostUrgentFirst))
        {
            output.WriteLine(
                $"  {line.Flag.Code(),-6} {line.ProjectCode} {line.ItemCode,-8} due {IsoDate.Format(line.DueOn)}{(line.Provisional ? " (暂定)" : "")}: "
                    + $"{line.WorkingDaysLeft} working day(s) left"
            );
        }

        return 0;
    }

    /// <summary>Prints what went wrong and is not mended (the operator report); exit code 3 when there is anything.</summary>
    public static async Task<int> StatusAsync(CliSettings settings, TextWriter output, CancellationToken cancellationToken)
    {
        await using var runtime = await CliRuntime.StartAsync(settings, cancellationToken);
        var today = OfficeClock.Today(runtime.Get<TimeProvider>());
        OperatorReport report;
        try
        {
            report = await runtime.Get<OperatorReportBuilder>().BuildAsync(today, cancellationToken);
        }
        catch (ConfigurationUnavailableException e)
        {
            report = new OperatorReport(today) { RefusedConfiguration = [e.Message] };
        }

        output.Write(OperatorReportRenderer.Render(report).Text);
        return report.IsEmpty ? 0 : 3;
    }

    /// <summary>Sends again the mail of an office day that failed (and, when asked, whose delivery is uncertain).</summary>
    public static async Task<int> RetryMailAsync(
        CliSettings settings,
        DateOnly? date,
        bool includeUncertain,
        TextWriter output,
        CancellationToken cancellationToken
    )
    {
        await using var runtime = await CliRuntime.StartAsync(settings, cancellationToken);
        var day = date ?? OfficeClock.Today(runtime.Get<TimeProvider>());
        var queued = await runtime.Get<NotificationSender>().RetryFailedAsync(day, includeUncertain, cancellationToken);
        output.WriteLine($"Queued {queued} mail(s) of {IsoDate.Format(day)} again.");
        await runtime.NotifyPump().DrainAsync(cancellationToken);
        return 0;
    }
}
