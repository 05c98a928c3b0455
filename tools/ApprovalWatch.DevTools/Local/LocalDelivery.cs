using ApprovalWatch.Cli.Local;
using ApprovalWatch.Pipeline.Storage;

namespace ApprovalWatch.DevTools.Local;

/// <summary>What became of the mail a one-shot run queued: delivered, refused (failed or uncertain), or still waiting for a retry, and when the next
/// falls due.</summary>
public sealed record DeliveryTally(int Delivered, int Refused, int Waiting, DateTimeOffset? NextTry)
{
    public override string ToString() =>
        $"{Delivered} delivered, {Refused} refused, {Waiting} still waiting for a retry"
        + (NextTry is { } next ? $" (next try {next:u}; the host sends them then, once)" : "");
}

/// <summary>
/// Mail where no host runs: the notify queue pumped until it is empty — mail whose retry falls due within a given
/// wait (a provider's Retry-After, a doubling delay) is waited for — and the Notifications ledger
/// read for what truly happened to the mail of this run.
/// </summary>
public static class LocalDelivery
{
    public static async Task<DeliveryTally> DeliverAsync(
        QueuePump pump,
        StorageAccount storage,
        DateTimeOffset runStarted,
        TimeSpan wait,
        CancellationToken cancellationToken
    )
    {
        var deadline = DateTimeOffset.UtcNow + wait;
        while (true)
        {
            await pump.DrainAsync(cancellationToken);
            var queued = (await storage.NotifyQueue.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
            if (queued == 0 || DateTimeOffset.UtcNow >= deadline)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }

        var (delivered, refused, waiting) = (0, 0, 0);
        DateTimeOffset? next = null;
        await foreach (
            var row in storage.NotificationLedger.QueryAsync<NotificationEntity>(r => r.Timestamp >= runStarted, cancellationToken: cancellationToken)
        )
        {
            switch (row.State)
            {
                case NotificationEntity.Sent:
                    delivered++;
                    break;
                case NotificationEntity.Failed or NotificationEntity.Uncertain:
                    refused++;
                    break;
                default:
                    waiting++;
                    next = row.NextAttemptAt is { } at && (next is null || at < next) ? at : next;
                    break;
            }
        }

        return new DeliveryTally(delivered, refused, waiting, next);
    }
}
