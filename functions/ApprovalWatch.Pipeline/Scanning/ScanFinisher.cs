using System.Text.Json;
using ApprovalWatch.Calendar;
using ApprovalWatch.Deadlines;
using ApprovalWatch.Digests;
using ApprovalWatch.Mail;
using ApprovalWatch.Operations;
using ApprovalWatch.Reference;
using ApprovalWatch.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ApprovalWatch.Scanning;

/// <summary>
/// The last step of a run, once every shard finished: sums the shards' counts, composes each recipient's
/// digest from all shards' lines (read side by side, one recipient at a time), queues it for the start of
/// his office hours unless today is his day off, cuts the next run's shards, and records the day.
/// Planning again (after a failure) queues nothing twice: the Notifications ledger holds one digest per
/// recipient and day.
/// </summary>
public sealed class ScanFinisher(
    ReferenceDataLoader referenceLoader,
    ScanRuns runs,
    ShardLines lines,
    DigestComposer composer,
    NotificationQueue notifications,
    ScanLog log,
    OperatorReportBuilder operatorReports,
    IOptions<ScanOptions> options,
    ILogger<ScanFinisher> logger)
{
    public async Task<ScanResult> FinishAsync(string runName, CancellationToken cancellationToken)
    {
        var run = await runs.FindAsync(runName, cancellationToken) ?? throw new InvalidOperationException($"Scan run {runName} is not recorded.");
        var today = IsoDate.Parse(run.Date);
        var reference = await referenceLoader.LoadAsync(cancellationToken);
        var shards = await runs.ShardsAsync(runName, cancellationToken);
        var counts = new ScanCounts();
        foreach (var shard in shards)
        {
            counts.Add(JsonSerializer.Deserialize<ScanCounts>(shard.Counts, StorageJson.Compact)!);
        }

        var missed = run.Missed.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(IsoDate.Parse).ToList();
        var applying = JsonSerializer.Deserialize<string[][]>(run.Applying)!.Select(a => (a[0], a[1])).ToList();
        var digests = new List<DigestSummary>();
        var (queued, already, dayOff) = (0, 0, 0);
        var sources = await lines.ReadRunsAsync(runName, cancellationToken);
        var notes = new DayNotes(missed, applying);
        await foreach (var collected in RecipientMerge.ByRecipientAsync(sources, options.Value.MaxDigestLinesPerSection, cancellationToken))
        {
            var (digest, memory) = await composer.ComposeAsync(today, collected, reference, counts, notes, cancellationToken);
            digests.Add(DigestSummary.Of(digest));
            var outcome = await QueueAsync(digest, reference, cancellationToken);
            (queued, already, dayOff) = outcome switch
            {
                true => (queued + 1, already, dayOff),
                false => (queued, already + 1, dayOff),
                null => (queued, already, dayOff + 1),
            };
            if (outcome is not null)
            {
                await composer.RememberAsync(digest, memory, reference.Ladder, cancellationToken);
            }
        }

        await runs.SaveBoundariesAsync(ShardRange.Cut(shards.SelectMany(ScanRuns.SegmentsOf), options.Value.ShardProcedures), today, cancellationToken);
        foreach (var error in counts.Errors)
        {
            logger.LogError("Not measured: {Error}", error);
        }

        logger.LogInformation(
            "Scanned {Date} in {Shards} shard(s): {Red} red, {Yellow} yellow; {Queued} digest(s) queued, {Already} already notified, {DayOff} on a day off",
            today, run.Shards, counts.Count(Flag.Red), counts.Count(Flag.Yellow), queued, already, dayOff);
        var result = new ScanResult
        {
            Date = today,
            Run = runName,
            Shards = run.Shards,
            Counts = counts,
            Digests = digests,
            Queued = queued,
            AlreadyNotified = already,
            DayOff = dayOff,
            MissedDays = missed,
            Applying = applying,
        };
        await log.RecordAsync(result, cancellationToken);
        result = result with { OperatorReport = await QueueOperatorReportAsync(today, reference, cancellationToken) };
        await runs.MarkPlannedAsync(runName, cancellationToken);
        await lines.DeleteAsync(runName, cancellationToken);
        return result;
    }

    /// <summary>Queues the digest for its recipient's office opening: true when queued, false when queued before, null on his day off.</summary>
    private async Task<bool?> QueueAsync(Digest digest, ReferenceData reference, CancellationToken cancellationToken)
    {
        var calendarName = reference.Staff.Find(digest.RecipientEmail)?.Calendar ?? CalendarSet.National;
        if (!reference.Calendars.Get(calendarName).IsWorkingDay(digest.Date) && !(options.Value.SendCriticalOnDaysOff && DigestPlanner.IsCritical(digest, reference.Ladder)))
        {
            return null;
        }

        return await notifications.QueueAsync(digest, reference.Calendars.HoursOf(calendarName).OpensAt(digest.Date), cancellationToken);
    }

    /// <summary>When something went wrong, the day's operator report to each operator, at the start of his office hours.</summary>
    private async Task<OperatorReport> QueueOperatorReportAsync(DateOnly today, ReferenceData reference, CancellationToken cancellationToken)
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
}
