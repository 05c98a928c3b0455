using System.Text.Json;
using ApprovalWatch.Domain.Calendar;
using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Domain.Digests;
using ApprovalWatch.Domain.Reference;
using ApprovalWatch.Domain.Scanning;
using ApprovalWatch.Domain.Text;
using ApprovalWatch.Pipeline.Mail;
using ApprovalWatch.Pipeline.Events;
using ApprovalWatch.Pipeline.Reference;
using ApprovalWatch.Pipeline.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ApprovalWatch.Pipeline.Scanning;

/// <summary>
/// The last step of a run, once every shard finished: sums the shards' counts, composes each recipient's
/// digest from all shards' lines (read side by side, one recipient at a time), queues it for the start of
/// his office hours unless today is his day off, cuts the next run's shards, records the day, and then announces it
/// (<see cref="DayScanned"/>) to whatever reacts to a scanned day — notices, group chats, the bulletin, the operator
/// report — which it does not know. Planning again (after a failure) queues nothing twice: the Notifications ledger holds
/// one digest per recipient and day, and every handler of the day is idempotent.
/// </summary>
public sealed class ScanFinisher(
    ReferenceDataLoader referenceLoader,
    ScanRuns runs,
    ShardLines lines,
    DigestComposer composer,
    NotificationQueue notifications,
    DigestStore digests,
    ScanLog log,
    EventPublisher events,
    IOptions<ScanOptions> options,
    ILogger<ScanFinisher> logger)
{
    private const int RecipientsInFlight = 8;

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
        var sources = await lines.ReadRunsAsync(runName, cancellationToken);
        var notes = new DayNotes(missed, applying);

        // Whether each recipient's digest of the day was queued already: the day's ledger read at once, not a row per recipient.
        var ledger = await notifications.PartitionAsync(NotificationKeys.Day(today), cancellationToken);

        // Recipients are independent: several are composed and queued side by side, as the merge hands them on.
        var planned = new List<(DigestSummary Summary, bool? Outcome)>();
        var recipients = new ConcurrentWrites(RecipientsInFlight);
        await foreach (var collected in RecipientMerge.ByRecipientAsync(sources, options.Value.MaxDigestLinesPerSection, cancellationToken))
        {
            await recipients.AddAsync(async () =>
            {
                var (digest, memory) = await composer.ComposeAsync(today, collected, reference, counts, notes, cancellationToken);
                var outcome = await QueueAsync(digest, reference, ledger, cancellationToken);
                // Queued before (the day's run again): what was sent stays remembered, unless a run stopped before remembering it.
                if (outcome == true || (outcome == false && memory?.Date != digest.Date))
                {
                    await composer.RememberAsync(digest, memory, reference.Ladder, cancellationToken);
                }

                lock (planned)
                {
                    planned.Add((DigestSummary.Of(digest), outcome));
                }
            });
        }

        await recipients.WhenAllAsync();
        var digests = planned.Select(p => p.Summary).OrderBy(s => s.RecipientEmail, StringComparer.Ordinal).ToList();
        var (queued, already, dayOff) = (planned.Count(p => p.Outcome == true), planned.Count(p => p.Outcome == false), planned.Count(p => p.Outcome is null));

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
        var noticeCalls = reference.Notices is null ? [] : await lines.ReadNoticeCallsAsync(runName, cancellationToken);
        await events.PublishAsync(new DayScanned(today, reference, noticeCalls), cancellationToken);
        await runs.MarkPlannedAsync(runName, cancellationToken);
        await lines.DeleteAsync(runName, cancellationToken);
        return result;
    }

    /// <summary>Queues the digest for its recipient's office opening: true when queued, false when queued before, null on his day off.</summary>
    private async Task<bool?> QueueAsync(
        Digest digest,
        ReferenceData reference,
        LedgerPartition ledger,
        CancellationToken cancellationToken
    )
    {
        var calendarName = reference.Staff.Find(digest.RecipientEmail)?.Calendar ?? CalendarSet.National;
        if (!DigestPlanner.IsSentOn(digest, reference.Calendars.Get(calendarName), reference.Ladder, options.Value.SendCriticalOnDaysOff))
        {
            return null;
        }

        return await notifications.QueueOnceAsync(
            DigestMail.Message(digest.Date, digest.RecipientEmail),
            NotificationKeys.Digest(digest.Date, digest.RecipientEmail),
            reference.Calendars.HoursOf(calendarName).OpensAt(digest.Date),
            digest.Lines.Count(),
            store: ct => digests.WriteAsync(digest, ct),
            cancellationToken,
            ledger
        );
    }
}
