using System.Globalization;
using ApprovalWatch.Domain.Calendar;
using ApprovalWatch.Domain.Operations;
using ApprovalWatch.Domain.Receipts;
using ApprovalWatch.Domain.Staff;
using ApprovalWatch.Domain.Text;
using ApprovalWatch.Pipeline.Ingestion;
using ApprovalWatch.Pipeline.Scanning;
using ApprovalWatch.Pipeline.Mail;
using ApprovalWatch.Pipeline.Storage;
using Azure.Storage.Blobs.Models;

namespace ApprovalWatch.Pipeline.Operations;

/// <summary>Gathers the <see cref="OperatorReport"/> from storage: poison queues, the Notifications ledger, the Scans table, receipts, in-flight
/// claims, refused configuration.</summary>
public sealed class OperatorReportBuilder(
    StorageAccount storage,
    NotificationQueue outbox,
    ScanLog scans,
    IngestClaims claims,
    ReceiptWriter receipts,
    Reference.ReferenceDataLoader referenceLoader,
    Microsoft.Extensions.Options.IOptions<ScanOptions> scanOptions,
    Microsoft.Extensions.Options.IOptions<Links.BoardOptions> boardOptions,
    TimeProvider time
)
{
    /// <summary>How far back failures are reported (older ones are the operator's to close by hand).</summary>
    public const int LookBackDays = Mail.NotificationSender.LookBackDays;

    private const int Samples = 3;

    public async Task<OperatorReport> BuildAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var recent = await scans.RecentAsync(LookBackDays, today, cancellationToken);
        var previousScan = recent.Where(r => r.RowKey != IsoDate.Format(today)).Select(r => (DateTimeOffset?)r.RanAt).Max() ?? now.AddDays(-1);
        var inFlight = await claims.AllAsync(cancellationToken);
        var reference = await referenceLoader.LoadAsync(cancellationToken);
        return new OperatorReport(today)
        {
            Poisoned = await PoisonedAsync(cancellationToken),
            Deliveries = await DeliveriesAsync(today, cancellationToken),
            MissedScans = recent
                .SelectMany(r => r.Missed.Split(',', StringSplitOptions.RemoveEmptyEntries))
                .Select(IsoDate.Parse)
                .Distinct()
                .Order()
                .ToList(),
            RefusedFiles =
            [
                .. await RefusedAsync(previousScan, cancellationToken),
                .. inFlight
                    .Values.Where(c => c.State == IngestClaimEntity.Refused)
                    .Select(c => new RefusedFile(c.BlobName, c.ClaimedUntil, Reason.Of("file.no_receipt", c.Reason))),
            ],
            StalledIngestions = inFlight
                .Values.Where(c => c.IsStalled(now))
                .Select(c => new StalledIngestion(c.BlobName, c.State, c.ClaimedUntil, c.Queueings))
                .OrderBy(s => s.File, StringComparer.Ordinal)
                .ToList(),
            RefusedConfiguration = [.. reference.Problems, .. AckKeyProblem()],
            ProvisionalCalendars = NoticesToLoad.On(reference.Calendars, today, WarnFrom(scanOptions.Value.CalendarWarningFrom)),
            Waiting = await WaitingAsync(today, cancellationToken),
            Uncovered =
            [
                .. reference
                    .Staff.People.Where(p =>
                        StandIns.Uncovered(p.Email, reference.Staff, reference.Leave, today)
                    )
                    .Select(p => new UncoveredAbsence(p.Name, p.Email, p.Department, reference.Leave.AwayUntil(p.Email, today) ?? today))
                    .OrderBy(a => a.Email, StringComparer.Ordinal),
            ],
        };
    }

    /// <summary>A board whose key is missing or unresolved (a Key Vault reference the platform could not read) mails no links.</summary>
    private IEnumerable<string> AckKeyProblem()
    {
        var board = boardOptions.Value;
        if (!string.IsNullOrWhiteSpace(board.BaseUrl) && board.Key is null)
        {
            yield return "Board__AckKey is missing or its Key Vault reference is unresolved: mails carry no acknowledgement, sign or return links "
                + "while problems climb the ladder. Set the secret (azd env set APPROVALWATCH_ACK_KEY) and restart the app.";
        }
    }

    private static (int Month, int Day) WarnFrom(string monthDay) =>
        (int.Parse(monthDay[..2], CultureInfo.InvariantCulture), int.Parse(monthDay[3..], CultureInfo.InvariantCulture));

    private async Task<IReadOnlyList<PoisonedQueue>> PoisonedAsync(CancellationToken cancellationToken)
    {
        var poisoned = new List<PoisonedQueue>();
        foreach (var queue in new[] { storage.IngestQueue, storage.NotifyQueue, storage.ScanQueue }.Select(storage.PoisonQueue))
        {
            int count;
            try
            {
                count = (await queue.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
            }
            catch (Azure.RequestFailedException e) when (e.Status == 404)
            {
                continue; // never created: nothing was poisoned
            }

            if (count > 0)
            {
                var peeked = (await queue.PeekMessagesAsync(Samples, cancellationToken)).Value;
                poisoned.Add(new PoisonedQueue(queue.Name, count, peeked.Select(m => m.Body.ToString()).ToList()));
            }
        }

        return poisoned;
    }

    private async Task<IReadOnlyList<DeliveryProblem>> DeliveriesAsync(DateOnly today, CancellationToken cancellationToken)
    {
        // Failed and uncertain mail; and mail of an earlier day still not sent (its message was lost or poisoned).
        var problems = new List<DeliveryProblem>();
        await foreach (var row in outbox.UndeliveredAsync(today.AddDays(-LookBackDays), today, cancellationToken))
        {
            problems.Add(new DeliveryProblem(row.Date, row.Recipient, row.Receipt, row.State, row.Reason ?? "never sent", row.Attempts));
        }

        return problems.OrderBy(p => p.Date, StringComparer.Ordinal).ThenBy(p => p.Recipient, StringComparer.Ordinal).ToList();
    }

    private async Task<IReadOnlyList<WaitingMail>> WaitingAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var waiting = new List<WaitingMail>();
        await foreach (var row in outbox.RetryingAsync(today.AddDays(-LookBackDays), cancellationToken))
        {
            var message = row.ToMessage();
            waiting.Add(
                new WaitingMail(
                    row.Recipient,
                    message.About is { } about ? $"{message.Kind} {about}" : $"{message.Kind} of {row.Date}",
                    row.Attempts,
                    now - (row.ClaimedAt ?? now),
                    row.NextAttemptAt,
                    row.Reason ?? ""
                )
            );
        }

        return waiting.OrderByDescending(w => w.Waited).ToList();
    }

    private async Task<IReadOnlyList<RefusedFile>> RefusedAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var refused = new List<RefusedFile>();
        await foreach (var blob in storage.Receipts.GetBlobsAsync(new GetBlobsOptions { Traits = BlobTraits.Metadata }, cancellationToken))
        {
            if (blob.Metadata.TryGetValue(ReceiptWriter.StatusMetadata, out var status) && status == Receipt.UnreadableStatus
                && blob.Metadata.TryGetValue(ReceiptWriter.ReceivedAtMetadata, out var received)
                && DateTimeOffset.TryParse(received, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var at)
                && at >= since)
            {
                var receipt = await receipts.ReadReceiptBlobAsync(blob.Name, cancellationToken);
                refused.Add(new RefusedFile(receipt?.File ?? blob.Name, at, receipt?.Message ?? Reason.Of("file.no_reason")));
            }
        }

        return refused;
    }
}
