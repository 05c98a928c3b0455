using ApprovalWatch.Digests;
using ApprovalWatch.Ingestion;
using ApprovalWatch.Operations;
using ApprovalWatch.Receipts;
using ApprovalWatch.Storage;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ApprovalWatch.Mail;

/// <summary>
/// Sends one notify message's mail — a recipient's digest of one day, or a file's receipt to a department
/// contact — at most once. The Notifications ledger row is claimed with an ETag-conditional write before
/// sending, so two deliveries of the message cannot both send. A failure is settled here, not by the
/// queue's blind retries: a transient one is tried again after the provider's Retry-After (bounded) or a
/// doubling delay, a refusal is recorded as failed at once, and a send whose outcome is unknown is
/// recorded as uncertain instead of being sent twice. Every state is in the ledger for the operator.
/// </summary>
public sealed class NotificationSender(
    StorageAccount storage,
    DigestStore digests,
    ReceiptWriter receipts,
    NotificationQueue queue,
    OperatorReportBuilder operatorReports,
    KeyProjects.WeeklyReports weeklyReports,
    Web.AckLinks ackLinks,
    Reference.ReferenceDataLoader referenceLoader,
    IMailTransport mailer,
    IOptions<MailOptions> options,
    TimeProvider time,
    ILogger<NotificationSender> logger)
{
    /// <summary>How long a claim holds; a delivery that stopped while sending leaves its mail uncertain after it.</summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(2);

    // Set when this instance met an account refusal (401/403): the next mail that goes through sends those again.
    // Other instances' refusals wait for the next scan, which queues them again (NotificationQueue).
    private int _accountRefused;

    /// <returns>SendGrid's message id, or null when nothing was sent now (already settled, or failed and recorded).</returns>
    public async Task<string?> SendAsync(NotifyMessage message, CancellationToken cancellationToken)
    {
        // A reply's key holds its file's content hash, so the receipt is read first; a digest is read only when it is to be sent.
        var receipt = message.Receipt is null ? null : await receipts.ReadAsync(message.Receipt, cancellationToken);
        if (message.Receipt is not null && receipt is null)
        {
            logger.LogWarning("The receipt of {File} is gone; no reply to {Recipient}", message.Receipt, message.Recipient);
            return null;
        }

        var (partition, key) = receipt is not null ? (NotificationKeys.Replies, NotificationKeys.Reply(message.Recipient, receipt.ContentHash, receipt.File))
            : message.Operator ? (NotificationKeys.Day(message.Date), NotificationKeys.Operator(message.Recipient))
            : message.Weekly is not null ? (NotificationKeys.Day(message.Date), NotificationKeys.Weekly(message.Recipient))
            : (NotificationKeys.Day(message.Date), NotificationKeys.Digest(message.Recipient));
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
            await SettleAsync(before, before.ETag, NotificationEntity.Uncertain, DeliveryFailure.Uncertain, $"a delivery stopped while sending at {before.ClaimedAt:u}", cancellationToken);
            return null;
        }

        var (name, rendered, lines) = await RenderAsync(message, receipt, cancellationToken);
        var row = new NotificationEntity
        {
            PartitionKey = partition,
            RowKey = key,
            Recipient = message.Recipient,
            Receipt = message.Receipt,
            Operator = message.Operator,
            Weekly = message.Weekly,
            Date = IsoDate.Format(message.Date),
            Lines = lines,
            State = NotificationEntity.Sending,
            ClaimedAt = now,
            Attempts = (before?.Attempts ?? 0) + 1,
        };
        var claim = before is null
            ? await ledger.AddEntityAsync(row, cancellationToken)
            : await ledger.UpdateEntityAsync(row, before.ETag, TableUpdateMode.Replace, cancellationToken);
        row.ETag = claim.Headers.ETag ?? throw new InvalidOperationException("The ledger returned no ETag.");
        string messageId;
        try
        {
            messageId = await mailer.SendAsync(message.Recipient, name, rendered, new Dictionary<string, string> { ["notification"] = $"{partition}/{key}" }, cancellationToken);
        }
        catch (MailDeliveryException e)
        {
            await FailAsync(message, row, e, cancellationToken);
            return null;
        }
        catch
        {
            // Not the provider (storage, cancellation): the claim is given back and the queue tries again.
            await ledger.UpdateEntityAsync(before ?? new NotificationEntity { PartitionKey = partition, RowKey = key, Recipient = message.Recipient, Date = row.Date, Receipt = row.Receipt, Operator = row.Operator, Lines = lines }, row.ETag, TableUpdateMode.Replace, cancellationToken);
            throw;
        }

        row.State = NotificationEntity.Sent;
        row.SentAt = time.GetUtcNow();
        row.MessageId = messageId;
        row.Subject = rendered.Subject;
        await ledger.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
        logger.LogInformation("Sent {Key} of {Partition}: {Lines} line(s), SendGrid id {MessageId}", key, partition, lines, messageId);
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
            await queue.RequeueAsync(message, delay, cancellationToken);
            logger.LogWarning("{Key} of {Partition} failed (try {Attempt} of {Max}): {Reason}; trying again in {Delay}", row.RowKey, row.PartitionKey, row.Attempts, settings.MaxAttempts, e.Message, delay);
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
        var since = IsoDate.Format(date.AddDays(-Operations.OperatorReportBuilder.LookBackDays));
        var filter = TableClient.CreateQueryFilter($"Date ge {since} and State eq {NotificationEntity.Failed} and Failure eq {DeliveryFailure.Account.ToString()}");
        await foreach (var row in storage.NotificationLedger.QueryAsync<NotificationEntity>(filter, cancellationToken: cancellationToken))
        {
            if (await queue.RequeueAsync(row, cancellationToken))
            {
                logger.LogInformation("{Key} of {Partition} was refused for the account; sending it again now that mail goes through", row.RowKey, row.PartitionKey);
            }
        }
    }

    private async Task<(string Name, RenderedMail Mail, int Lines)> RenderAsync(NotifyMessage message, Receipt? receipt, CancellationToken cancellationToken)
    {
        if (receipt is not null)
        {
            return (message.Recipient, ReceiptRenderer.Render(receipt), receipt.Errors.Count);
        }

        if (message.Operator)
        {
            // Built when it is sent, so it says what is still wrong at the start of office hours.
            var report = await operatorReports.BuildAsync(message.Date, cancellationToken);
            return (message.Recipient, OperatorReportRenderer.Render(report), report.Problems);
        }

        if (message.Weekly is not null)
        {
            var person = (await referenceLoader.LoadAsync(cancellationToken)).Staff.Find(message.Recipient);
            return (person?.Name ?? message.Recipient, await weeklyReports.RenderMailAsync(message.Weekly, person?.Language ?? Staff.Language.Chinese, cancellationToken), 0);
        }

        var digest = await digests.ReadAsync(message.Date, message.Recipient, cancellationToken);
        var reference = await referenceLoader.LoadAsync(cancellationToken);
        var language = reference.Staff.Find(digest.RecipientEmail)?.Language ?? Staff.Language.Chinese;
        return (digest.RecipientName, reference.Templates.Render(digest, language, ackLinks.For(digest)), digest.Lines.Count());
    }
}
