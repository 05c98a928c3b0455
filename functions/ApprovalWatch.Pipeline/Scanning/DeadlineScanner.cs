using ApprovalWatch.Calendar;
using ApprovalWatch.Deadlines;
using ApprovalWatch.Digests;
using ApprovalWatch.Ingestion;
using ApprovalWatch.Mail;
using ApprovalWatch.Operations;
using ApprovalWatch.Reference;
using ApprovalWatch.Storage;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ApprovalWatch.Scanning;

/// <summary>
/// The daily run: measures every procedure and project (<see cref="DayMeasurement"/>), records each change
/// of flag, and queues one digest per recipient, to be delivered at the start of the recipient's office
/// hours. A recipient on a day off gets nothing; a second run on the same day queues nothing new.
/// </summary>
public sealed class DeadlineScanner(
    StorageAccount storage,
    ReferenceDataLoader referenceLoader,
    NotificationQueue notifications,
    IngestClaims claims,
    ScanLog log,
    OperatorReportBuilder operatorReports,
    IOptions<ScanOptions> options,
    TimeProvider time,
    ILogger<DeadlineScanner> logger)
{
    private const int WriteParallelism = 8;

    /// <param name="date">The office day to scan; today in Beijing when null.</param>
    /// <param name="dryRun">Measure and plan, but write and queue nothing.</param>
    public async Task<ScanResult> ScanAsync(DateOnly? date, bool dryRun, CancellationToken cancellationToken)
    {
        var today = date ?? OfficeClock.Today(time);
        var reference = await referenceLoader.LoadAsync(cancellationToken);
        if (!reference.Calendars.AnyWorks(today))
        {
            var day = reference.Calendars.NationalCalendar.Exception(today)?.Name is { Length: > 0 } name ? name : today.DayOfWeek.ToString();
            logger.LogInformation("{Date} is not a working day ({Day}): no scan", today, day);
            return new ScanResult { Date = today, Skipped = $"{today:yyyy-MM-dd} is not a working day ({day})" };
        }

        var scan = options.Value;
        var missed = await log.MissedBeforeAsync(today, reference.Calendars, cancellationToken);
        var applying = await WaitForApplyingAsync(dryRun ? TimeSpan.Zero : TimeSpan.FromSeconds(scan.WaitForApplyingSeconds), cancellationToken);
        var measurement = new DayMeasurement(today, reference, scan.WarningWorkingDays, scan.ProjectLimits);
        var at = OfficeClock.At(today, TimeOnly.MinValue);
        var history = new List<HistoryEntity>();
        var procedureWrites = new List<TableTransactionAction>();
        await foreach (var row in storage.Procedures.QueryAsync<ProcedureEntity>(cancellationToken: cancellationToken))
        {
            if (measurement.Add(row.ToProcedure()) is not { } assessment)
            {
                continue;
            }

            var fields = ProcedureScanFields.Of(row, assessment, today);
            if (!fields.SameAs(row))
            {
                procedureWrites.Add(new TableTransactionAction(TableTransactionActionType.UpdateMerge, fields, fields.ETag));
            }

            if (row.Flag != fields.Flag)
            {
                history.Add(HistoryEntity.Change(row.PartitionKey, row.RowKey, "flag", row.Flag, fields.Flag!, at, "scan"));
            }
        }

        var stored = new Dictionary<(string, string), ProjectMeasureEntity>();
        await foreach (var row in storage.Projects.QueryAsync<ProjectMeasureEntity>(cancellationToken: cancellationToken))
        {
            stored[(row.PartitionKey, row.RowKey)] = row;
        }

        var projectWrites = new List<TableTransactionAction>();
        foreach (var measure in measurement.MeasureProjects())
        {
            var row = ProjectMeasureEntity.From(measure);
            var before = stored.GetValueOrDefault((row.PartitionKey, row.RowKey));
            if (before is null || !before.SameAs(row))
            {
                projectWrites.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, row));
            }

            if (before?.Flag != row.Flag)
            {
                history.Add(HistoryEntity.Change(row.PartitionKey, row.RowKey, "flag", before?.Flag, row.Flag, at, "scan"));
            }
        }

        var digests = DigestNotes.Annotate(DigestPlanner.Plan(today, measurement.Lines, reference.Staff, scan.Ladder), missed, applying);
        var result = ScanResult.Of(measurement, digests) with { MissedDays = missed, Applying = applying };
        foreach (var day in missed)
        {
            logger.LogError("No scan ran on {Day}, a working day: no digests were made that day", day);
        }

        foreach (var error in result.Errors)
        {
            logger.LogError("Not measured: {Error}", error);
        }

        if (dryRun)
        {
            return result;
        }

        // The audit rows before the flags they describe: their keys are the day's, so a scan that stops in between
        // and runs again the same day finds the same changes and writes the same rows. Partitions side by side.
        await TableBatches.InsertOrReplaceAsync(storage.History, history, EntitySize.Estimate, cancellationToken, WriteParallelism);
        await TableBatches.SubmitAsync(storage.Procedures, procedureWrites, EntitySize.Estimate, cancellationToken, WriteParallelism);
        await TableBatches.SubmitAsync(storage.Projects, projectWrites, EntitySize.Estimate, cancellationToken, WriteParallelism);
        var (queued, already, dayOff) = await QueueAsync(today, digests, reference, cancellationToken);
        logger.LogInformation(
            "Scanned {Date}: {Red} red, {Yellow} yellow; {Queued} digest(s) queued, {Already} already notified, {DayOff} on a day off",
            today, result.Count(Flag.Red), result.Count(Flag.Yellow), queued, already, dayOff);
        result = result with { Queued = queued, AlreadyNotified = already, DayOff = dayOff };
        await log.RecordAsync(result, cancellationToken);
        return result with { OperatorReport = await QueueOperatorReportAsync(today, reference, cancellationToken) };
    }

    /// <summary>When something went wrong, the day's operator report to each operator, at the start of his office hours.</summary>
    private async Task<Operations.OperatorReport> QueueOperatorReportAsync(DateOnly today, ReferenceData reference, CancellationToken cancellationToken)
    {
        var report = await operatorReports.BuildAsync(today, cancellationToken);
        if (report.IsEmpty)
        {
            return report;
        }

        logger.LogWarning("Operator report of {Date}: {Problems} problem(s)", today, report.Problems);
        foreach (var person in reference.Staff.WithRole(Staff.Role.Operator))
        {
            await notifications.QueueOperatorReportAsync(today, person.Email, reference.Calendars.HoursOf(person.Calendar).OpensAt(today), cancellationToken);
        }

        return report;
    }

    /// <summary>Waits (bounded) for department files being applied; those still applying after the wait, with their department.</summary>
    private async Task<IReadOnlyList<(string Department, string File)>> WaitForApplyingAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var applying = await claims.ApplyingAsync(cancellationToken);
            if (applying.Count == 0 || waited.Elapsed >= wait)
            {
                foreach (var claim in applying)
                {
                    logger.LogWarning("{Blob} is still being applied after {Wait}: the scan measures without it and says so", claim.BlobName, wait);
                }

                return applying.Select(c => (Catalogue.Department.OfBlob(c.BlobName)?.Id ?? "", c.BlobName)).ToList();
            }

            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        }
    }

    /// <summary>Queues each digest for its recipient's office opening, unless today is his day off.</summary>
    private async Task<(int Queued, int Already, int DayOff)> QueueAsync(DateOnly today, IReadOnlyList<Digest> digests, ReferenceData reference, CancellationToken cancellationToken)
    {
        var (queued, already, dayOff) = (0, 0, 0);
        foreach (var digest in digests)
        {
            var calendarName = reference.Staff.Find(digest.RecipientEmail)?.Calendar ?? CalendarSet.National;
            if (!reference.Calendars.Get(calendarName).IsWorkingDay(today) && !(options.Value.SendCriticalOnDaysOff && DigestPlanner.IsCritical(digest, options.Value.Ladder)))
            {
                dayOff++;
                continue;
            }

            var sendAt = reference.Calendars.HoursOf(calendarName).OpensAt(today);
            if (await notifications.QueueAsync(digest, sendAt, cancellationToken))
            {
                queued++;
            }
            else
            {
                already++;
            }
        }

        return (queued, already, dayOff);
    }
}
