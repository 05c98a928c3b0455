using ApprovalWatch.Domain.Text;
using ApprovalWatch.Pipeline.Storage;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ApprovalWatch.Pipeline.Mail;

/// <summary>
/// Sends one notify message's mail, of whatever kind registered it (<see cref="IMailKind"/>), at most once. The Notifications ledger row is claimed
/// with an ETag-conditional write before
/// sending, so two deliveries of the message cannot both send. A failure is settled here, not by the
/// queue's blind retries: a transient one is tried again after the provider's Retry-After (bounded) or a
/// doubling delay, a refusal is recorded as failed at once, and a send whose outcome is unknown is
/// recorded as uncertain instead of being sent twice. Every state is in the ledger for the operator.
/// </summary>
public sealed class NotificationSender(
    StorageAccount storage,
    MailKinds kinds,
    NotificationQueue queue,
    IMailTransport mailer,
    IOptions<MailOptions> options,
    Telemetry.PipelineMetrics metrics,
    TimeProvider time,
    ILogger<NotificationSender> logger)
{
    /// <summary>How long a claim holds; a delivery that stopped while sending leaves its mail uncertain after it.</summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(2);

    /// <summary>How far back mail refused for the account is sent again once mail goes through.</summary>
    public const int LookBackDays = 14;

    // Set when this instance met an account refusal (401/403): the next mail that goes through sends those again.
    // Other instances' refusals wait for the next scan, which queues them again (NotificationQueue).
    private int _accountRefused;

    /// <returns>SendGrid's message id, or null when nothing was sent now (already settled, or failed and recorded).</returns>
    public async Task<string?> SendAsync(NotifyMessage message, CancellationToken cancellationToken)
    {
        var draft = await kinds.Of(message).DraftAsync(message, cancellationToken);
        if (draft is null)
        {
            logger.LogWarning("What the {Kind} mail to {Recipient} is about ({About}) is gone; nothing sent", message.Kind, message.Recipient, message.About);
            return null;
        }

        var (partition, key) = draft.Key;
        var ledger = storage.NotificationLedger;
        var found = await ledger.GetEntityIfExistsAsync<NotificationEntity>(partition, key, cancellationToken: cancellationToken);
        var before = found.HasValue ? found.Value! : null;
        var now = time.GetUtcNow();
        if (before is { IsSettled: true })
        {
            logger.LogInformation("{Key} of {Partition} is {State} already; not sent again", key, partition, before.State);
            return null;
        }

        if (before is { State: NotificationEntity.Sending })
        {
            if (before.ClaimedAt + ClaimLease > now)
            {
                throw new InvalidOperationException($"{key} of {partition} is being sent by another delivery since {before.ClaimedAt:u}; try again later.");
            }

            // The delivery that claimed it stopped while sending: the mail may or may not have gone out.
            await SettleAsync(
                before,
                before.ETag,
                NotificationEntity.Uncertain,
                DeliveryFailure.Uncertain,
                $"a delivery stopped while sending at {before.ClaimedAt:u}",
                cancellationToken
            );
            return null;
        }

        var outgoing = await draft.RenderAsync(cancellationToken);
        var (name, rendered, lines) = outgoing;
        var row = NotificationEntity.Of(message, draft.Key, NotificationEntity.Sending, lines);
        row.ClaimedAt = now;
        row.Attempts = (before?.Attempts ?? 0) + 1;
        var claim = before is null
            ? await ledger.AddEntityAsync(row, cancellationToken)
            : await ledger.UpdateEntityAsync(row, before.ETag, TableUpdateMode.Replace, cancellationToken);
        row.ETag = claim.Headers.ETag ?? throw new InvalidOperationException("The ledger returned no ETag.");
        string messageId;
        try
        {
            messageId = draft.DeliverAsync is { } deliver
                ? await deliver(outgoing, cancellationToken)
                : await mailer.SendAsync(
                    message.Recipient,
                    name,
                    rendered,
                    new Dictionary<string, string> { ["notification"] = $"{partition}/{key}" },
                    cancellationToken
                );
        }
        catch (MailDeliveryException e)
        {
            metrics.Failed(message.Kind, e.Failure.ToString());
            await FailAsync(message, row, e, cancellationToken);
            return null;
        }
        catch
        {
            // Not the provider (storage, cancellation): the claim is given back and the queue tries again.
            await ledger.UpdateEntityAsync(
                before ?? NotificationEntity.Of(message, draft.Key, NotificationEntity.Queued, lines),
                row.ETag,
                TableUpdateMode.Replace,
                cancellationToken
            );
            throw;
        }

        row.State = NotificationEntity.Sent;
        row.SentAt = time.GetUtcNow();
        row.MessageId = messageId;
        row.Subject = rendered.Subject;
        await ledger.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
        logger.LogInformation("Sent {Key} of {Partition}: {Lines} line(s), SendGrid id {MessageId}", key, partition, lines, messageId);
        metrics.Delivered(message.Kind);
        if (Interlocked.Exchange(ref _accountRefused, 0) == 1)
        {
            await ResendAccountFailuresAsync(message.Date, cancellationToken);
        }

        return messageId;
    }

    /// <summary>Queues again what failed (and, when asked, what is uncertain) on an office day; the number queued.</summary>
    public async Task<int> RetryFailedAsync(DateOnly date, bool includeUncertain, CancellationToken cancellationToken)
    {
        var count = 0;
        var day = IsoDate.Format(date);
        var filter = TableClient.CreateQueryFilter($"Date eq {day}");
        await foreach (var row in storage.NotificationLedger.QueryAsync<NotificationEntity>(filter, cancellationToken: cancellationToken))
        {
            if (row.State == NotificationEntity.Failed || (includeUncertain && row.State == NotificationEntity.Uncertain))
            {
                count += await queue.RequeueAsync(row, cancellationToken) ? 1 : 0;
            }
        }

        return count;
    }

    private async Task FailAsync(NotifyMessage message, NotificationEntity row, MailDeliveryException e, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (e.Failure == DeliveryFailure.Transient && row.Attempts < settings.MaxAttempts)
        {
            var wait = e.RetryAfter ?? TimeSpan.FromSeconds(settings.RetryBaseSeconds * Math.Pow(2, row.Attempts - 1));
            var delay = TimeSpan.FromSeconds(Math.Clamp(wait.TotalSeconds, 1, settings.MaxRetryDelaySeconds));
            row.State = NotificationEntity.Retrying;
            row.NextAttemptAt = time.GetUtcNow() + delay;
            row.Failure = e.Failure.ToString();
            row.Reason = e.Message;
            await storage.NotificationLedger.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
            await queue.SendAsync(message, delay, cancellationToken);
            logger.LogWarning(
                "{Key} of {Partition} failed (try {Attempt} of {Max}): {Reason}; trying again in {Delay}",
                row.RowKey,
                row.PartitionKey,
                row.Attempts,
                settings.MaxAttempts,
                e.Message,
                delay
            );
            return;
        }

        if (e.Failure == DeliveryFailure.Account)
        {
            Volatile.Write(ref _accountRefused, 1);
        }

        var state = e.Failure == DeliveryFailure.Uncertain ? NotificationEntity.Uncertain : NotificationEntity.Failed;
        await SettleAsync(row, row.ETag, state, e.Failure, e.Message, cancellationToken);
    }

    private async Task SettleAsync(NotificationEntity row, ETag etag, string state, DeliveryFailure failure, string reason, CancellationToken cancellationToken)
    {
        row.State = state;
        row.Failure = failure.ToString();
        row.Reason = reason;
        row.FailedAt = time.GetUtcNow();
        row.NextAttemptAt = null;
        await storage.NotificationLedger.UpdateEntityAsync(row, etag, TableUpdateMode.Replace, cancellationToken);
        logger.LogError("{Key} of {Partition} is {State} after {Attempts} tr(ies): {Reason}", row.RowKey, row.PartitionKey, state, row.Attempts, reason);
    }

    /// <summary>A mail went through: what the account refused in the last days (a wrong key, since mended) is sent again — digests, replies, reports.</summary>
    private async Task ResendAccountFailuresAsync(DateOnly date, CancellationToken cancellationToken)
    {
        var since = IsoDate.Format(date.AddDays(-LookBackDays));
        var filter = TableClient.CreateQueryFilter(
            $"Date ge {since} and State eq {NotificationEntity.Failed} and Failure eq {DeliveryFailure.Account.ToString()}"
        );
        await foreach (var row in storage.NotificationLedger.QueryAsync<NotificationEntity>(filter, cancellationToken: cancellationToken))
        {
            if (await queue.RequeueAsync(row, cancellationToken))
            {
                logger.LogInformation(
                    "{Key} of {Partition} was refused for the account; sending it again now that mail goes through",
                    row.RowKey,
                    row.PartitionKey
                );
            }
        }
    }
}
