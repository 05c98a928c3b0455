using ApprovalWatch.Domain.Text;
using ApprovalWatch.Pipeline.Storage;
using Azure;
using Azure.Data.Tables;

namespace ApprovalWatch.Pipeline.Mail;

/// <summary>
/// Hands mail to SendDigest through the notify queue: a message naming the mail's kind, and, for mail sent once
/// per key (a digest a day, a report a week), a ledger row that keeps a later run from queueing it again.
/// </summary>
public sealed class NotificationQueue(StorageAccount storage, TimeProvider time)
{
    // A queue message can stay invisible for at most seven days.
    private static readonly TimeSpan MaxDelay = TimeSpan.FromDays(6);

    /// <summary>
    /// Queues a mail, invisible until <paramref name="sendAt"/>, unless its key was queued or sent before: false
    /// then (a mail the account refused before is queued again). The overload with a <c>store</c> first keeps what the
    /// message names (a digest's blob); the ledger row is written last, so a run that stops in between queues it again, and
    /// the sender's ledger keeps the mail from going twice.
    /// </summary>
    public Task<bool> QueueOnceAsync(NotifyMessage message, NotificationKey key, DateTimeOffset sendAt, int lines, CancellationToken cancellationToken) =>
        QueueOnceAsync(message, key, sendAt, lines, store: null, cancellationToken);

    /// <param name="store">Keeps what the message names (a digest's blob) before the message is sent.</param>
    /// <param name="partition">The ledger partition as read at the start of a run that queues many of its mails
    /// (<see cref="PartitionAsync"/>): a key of it is looked up there rather than read alone.</param>
    public async Task<bool> QueueOnceAsync(
        NotifyMessage message,
        NotificationKey key,
        DateTimeOffset sendAt,
        int lines,
        Func<CancellationToken, Task>? store,
        CancellationToken cancellationToken,
        LedgerPartition? partition = null
    )
    {
        var known = partition?.Partition == key.Partition
            ? partition.Rows.GetValueOrDefault(key.Row)
            : (await storage.NotificationLedger.GetEntityIfExistsAsync<NotificationEntity>(key.Partition, key.Row, cancellationToken: cancellationToken))
                is { HasValue: true } read ? read.Value : null;
        if (known is not null)
        {
            // Refused for the account (a wrong key or sender) on an earlier run: this run tries again.
            return known is { State: NotificationEntity.Failed, Failure: nameof(DeliveryFailure.Account) } refused
                && await RequeueAsync(refused, cancellationToken);
        }

        if (store is not null)
        {
            await store(cancellationToken);
        }

        await SendAsync(message, sendAt - time.GetUtcNow(), cancellationToken);
        try
        {
            await storage.NotificationLedger.AddEntityAsync(NotificationEntity.Of(message, key, NotificationEntity.Queued, lines), cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // SendDigest got there first; its row stands.
        }

        return true;
    }

    /// <summary>A ledger partition's rows (a day's mails) by key, read at once.</summary>
    public async Task<LedgerPartition> PartitionAsync(string partition, CancellationToken cancellationToken) =>
        new(partition, await storage
            .NotificationLedger.QueryAsync<NotificationEntity>(
                TableClient.CreateQueryFilter($"PartitionKey eq {partition}"),
                cancellationToken: cancellationToken
            )
            .ToDictionaryAsync(row => row.RowKey, StringComparer.Ordinal, cancellationToken));

    /// <summary>Queues a mail, invisible for <paramref name="delay"/>: a receipt reply, a retry after a transient failure, an operator's re-send.</summary>
    public Task SendAsync(NotifyMessage message, TimeSpan delay, CancellationToken cancellationToken) =>
        storage.NotifyQueue.SendMessageAsync(
            QueueMessages.Write(message),
            visibilityTimeout: delay > TimeSpan.Zero ? Min(delay, MaxDelay) : null,
            cancellationToken: cancellationToken
        );

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

        await SendAsync(row.ToMessage(), TimeSpan.Zero, cancellationToken);
        return true;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    /// <summary>Mail of the days from <paramref name="since"/> that failed or is uncertain, and mail of a day before today never sent.</summary>
    public AsyncPageable<NotificationEntity> UndeliveredAsync(DateOnly since, DateOnly today, CancellationToken cancellationToken)
    {
        var (failed, uncertain, sent) = (NotificationEntity.Failed, NotificationEntity.Uncertain, NotificationEntity.Sent);
        var (from, day) = (IsoDate.Format(since), IsoDate.Format(today));
        return storage.NotificationLedger.QueryAsync<NotificationEntity>(
            TableClient.CreateQueryFilter($"Date ge {from} and (State eq {failed} or State eq {uncertain} or (State ne {sent} and Date lt {day}))"),
            cancellationToken: cancellationToken
        );
    }

    /// <summary>Mail of the days from <paramref name="since"/> waiting to be tried again.</summary>
    public AsyncPageable<NotificationEntity> RetryingAsync(DateOnly since, CancellationToken cancellationToken) =>
        storage.NotificationLedger.QueryAsync<NotificationEntity>(
            TableClient.CreateQueryFilter($"Date ge {IsoDate.Format(since)} and State eq {NotificationEntity.Retrying}"),
            cancellationToken: cancellationToken
        );
}

/// <summary>A ledger partition's rows by key, as read at one moment.</summary>
public sealed record LedgerPartition(string Partition, IReadOnlyDictionary<string, NotificationEntity> Rows);
