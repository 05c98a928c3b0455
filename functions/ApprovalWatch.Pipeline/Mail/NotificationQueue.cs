using ApprovalWatch.Digests;
using ApprovalWatch.Storage;
using Azure;
using Azure.Data.Tables;

namespace ApprovalWatch.Mail;

/// <summary>
/// Hands mail to SendDigest through the notify queue: a digest as a stored blob, one notify message and a
/// ledger row that keeps a later scan of the same day from queueing the recipient again; a receipt reply
/// as a message naming the submitted file.
/// </summary>
public sealed class NotificationQueue(StorageAccount storage, DigestStore digests, TimeProvider time)
{
    // A queue message can stay invisible for at most seven days.
    private static readonly TimeSpan MaxDelay = TimeSpan.FromDays(6);

    /// <summary>
    /// Queues the digest, invisible until <paramref name="sendAt"/> (the start of the recipient's office
    /// hours), unless the recipient was already queued or sent one that day.
    /// </summary>
    public async Task<bool> QueueAsync(Digest digest, DateTimeOffset sendAt, CancellationToken cancellationToken)
    {
        var day = NotificationKeys.Day(digest.Date);
        var key = NotificationKeys.Digest(digest.RecipientEmail);
        var known = await storage.NotificationLedger.GetEntityIfExistsAsync<NotificationEntity>(day, key, cancellationToken: cancellationToken);
        if (known.HasValue)
        {
            // Refused for the account (a wrong key or sender) on an earlier run: this run tries again.
            return known.Value is { State: NotificationEntity.Failed, Failure: nameof(DeliveryFailure.Account) } refused
                && await RequeueAsync(refused, cancellationToken);
        }

        await digests.WriteAsync(digest, cancellationToken);
        var delay = sendAt - time.GetUtcNow();
        await storage.NotifyQueue.SendMessageAsync(
            QueueMessages.Write(new NotifyMessage(digest.Date, digest.RecipientEmail)),
            visibilityTimeout: delay > TimeSpan.Zero ? Min(delay, MaxDelay) : null,
            cancellationToken: cancellationToken);
        try
        {
            await storage.NotificationLedger.AddEntityAsync(
                new NotificationEntity { PartitionKey = day, RowKey = key, Recipient = digest.RecipientEmail, Date = day, State = NotificationEntity.Queued, Lines = digest.Lines.Count() },
                cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // SendDigest got there first; its row stands.
        }

        return true;
    }

    /// <summary>Queues the day's operator report for one operator, delivered when his office opens; false when queued already.</summary>
    public Task<bool> QueueOperatorReportAsync(DateOnly date, string recipient, DateTimeOffset sendAt, CancellationToken cancellationToken) =>
        QueueOnceAsync(new NotifyMessage(date, recipient, Operator: true), NotificationKeys.Operator(recipient), sendAt, cancellationToken);

    /// <summary>Queues a week's scheduling report for one person, delivered at <paramref name="sendAt"/>; false when queued already.</summary>
    public Task<bool> QueueWeeklyReportAsync(DateOnly monday, string week, string recipient, DateTimeOffset sendAt, CancellationToken cancellationToken) =>
        QueueOnceAsync(new NotifyMessage(monday, recipient, Weekly: week), NotificationKeys.Weekly(recipient), sendAt, cancellationToken);

    private async Task<bool> QueueOnceAsync(NotifyMessage message, string key, DateTimeOffset sendAt, CancellationToken cancellationToken)
    {
        var day = NotificationKeys.Day(message.Date);
        try
        {
            await storage.NotificationLedger.AddEntityAsync(
                new NotificationEntity { PartitionKey = day, RowKey = key, Recipient = message.Recipient, Date = day, Operator = message.Operator, Weekly = message.Weekly, State = NotificationEntity.Queued },
                cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }

        await RequeueAsync(message, sendAt - time.GetUtcNow(), cancellationToken);
        return true;
    }

    /// <summary>Queues the receipt of a submitted file for one of the department's contacts.</summary>
    public Task QueueReplyAsync(DateOnly date, string recipient, string submittedBlob, CancellationToken cancellationToken) =>
        storage.NotifyQueue.SendMessageAsync(QueueMessages.Write(new NotifyMessage(date, recipient, submittedBlob)), cancellationToken);

    /// <summary>
    /// Puts a settled ledger row back to queued (conditional on its ETag) and queues its mail again; false
    /// when another run took it first.
    /// </summary>
    public async Task<bool> RequeueAsync(NotificationEntity row, CancellationToken cancellationToken)
    {
        var state = row.State;
        row.State = NotificationEntity.Queued;
        row.Attempts = 0;
        row.NextAttemptAt = null;
        row.Reason = $"{state} before: {row.Reason}";
        try
        {
            await storage.NotificationLedger.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return false;
        }

        await RequeueAsync(new NotifyMessage(IsoDate.Parse(row.Date), row.Recipient, row.Receipt, row.Operator, row.Weekly), TimeSpan.Zero, cancellationToken);
        return true;
    }

    /// <summary>Queues a mail again, invisible for <paramref name="delay"/>: a retry after a transient failure, or an operator's re-send.</summary>
    public Task RequeueAsync(NotifyMessage message, TimeSpan delay, CancellationToken cancellationToken) =>
        storage.NotifyQueue.SendMessageAsync(QueueMessages.Write(message), visibilityTimeout: delay > TimeSpan.Zero ? Min(delay, MaxDelay) : null, cancellationToken: cancellationToken);

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
