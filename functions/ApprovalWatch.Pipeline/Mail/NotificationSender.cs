using ApprovalWatch.Digests;
using ApprovalWatch.Ingestion;
using ApprovalWatch.Receipts;
using ApprovalWatch.Storage;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;

namespace ApprovalWatch.Mail;

/// <summary>
/// Sends one notify message's mail — a recipient's digest of one day, or a file's receipt to a department
/// contact — at most once. The Notifications ledger row is claimed with an ETag-conditional write before
/// sending, so two deliveries of the message cannot both send; a failed send puts the row back as it was
/// and throws, so the queue tries again.
/// </summary>
public sealed class NotificationSender(StorageAccount storage, DigestStore digests, ReceiptWriter receipts, SendGridMailer mailer, TimeProvider time, ILogger<NotificationSender> logger)
{
    /// <summary>How long a claim holds before another delivery may take over a send that never finished.</summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(2);

    /// <returns>SendGrid's message id, or null when the mail had already been sent (or the receipt is gone).</returns>
    public async Task<string?> SendAsync(NotifyMessage message, CancellationToken cancellationToken)
    {
        // A reply's key holds its file's content hash, so the receipt is read first; a digest is read only when it is to be sent.
        var receipt = message.Receipt is null ? null : await receipts.ReadAsync(message.Receipt, cancellationToken);
        if (message.Receipt is not null && receipt is null)
        {
            logger.LogWarning("The receipt of {File} is gone; no reply to {Recipient}", message.Receipt, message.Recipient);
            return null;
        }

        var key = receipt is null
            ? NotificationKeys.Digest(message.Recipient)
            : NotificationKeys.Reply(message.Recipient, receipt.ContentHash, receipt.File);
        var ledger = storage.NotificationLedger;
        var day = receipt is null ? NotificationKeys.Day(message.Date) : NotificationKeys.Replies;
        var found = await ledger.GetEntityIfExistsAsync<NotificationEntity>(day, key, cancellationToken: cancellationToken);
        var before = found.HasValue ? found.Value! : null;
        if (before?.State == NotificationEntity.Sent)
        {
            logger.LogInformation("{Key} of {Date} was already sent ({MessageId})", key, day, before.MessageId);
            return null;
        }

        var now = time.GetUtcNow();
        if (before?.State == NotificationEntity.Sending && before.ClaimedAt + ClaimLease > now)
        {
            throw new InvalidOperationException($"{key} of {day} is being sent by another delivery since {before.ClaimedAt:u}; try again later.");
        }

        var (name, rendered, lines) = receipt is null ? Render(await digests.ReadAsync(message.Date, message.Recipient, cancellationToken)) : (message.Recipient, ReceiptRenderer.Render(receipt), receipt.Errors.Count);
        var queued = before ?? new NotificationEntity { PartitionKey = day, RowKey = key, Recipient = message.Recipient, Lines = lines };
        var claim = await ClaimAsync(before, queued, now, cancellationToken);
        string messageId;
        try
        {
            messageId = await mailer.SendAsync(message.Recipient, name, rendered, new Dictionary<string, string> { ["notification"] = $"{day}/{key}" }, cancellationToken);
        }
        catch
        {
            await ledger.UpdateEntityAsync(queued, claim, TableUpdateMode.Replace, cancellationToken);
            throw;
        }

        await ledger.UpdateEntityAsync(
            new NotificationEntity
            {
                PartitionKey = day,
                RowKey = key,
                Recipient = message.Recipient,
                State = NotificationEntity.Sent,
                Lines = lines,
                SentAt = time.GetUtcNow(),
                MessageId = messageId,
                Subject = rendered.Subject,
            },
            claim,
            TableUpdateMode.Replace,
            cancellationToken);
        logger.LogInformation("Sent {Key} of {Date}: {Lines} line(s), SendGrid id {MessageId}", key, day, lines, messageId);
        return messageId;
    }

    private static (string Name, RenderedMail Mail, int Lines) Render(Digest digest) =>
        (digest.RecipientName, DigestRenderer.Render(digest), digest.Lines.Count());

    private async Task<ETag> ClaimAsync(NotificationEntity? before, NotificationEntity queued, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var claim = new NotificationEntity
        {
            PartitionKey = queued.PartitionKey,
            RowKey = queued.RowKey,
            Recipient = queued.Recipient,
            Lines = queued.Lines,
            State = NotificationEntity.Sending,
            ClaimedAt = now,
        };
        var response = before is null
            ? await storage.NotificationLedger.AddEntityAsync(claim, cancellationToken)
            : await storage.NotificationLedger.UpdateEntityAsync(claim, before.ETag, TableUpdateMode.Replace, cancellationToken);
        return response.Headers.ETag ?? throw new InvalidOperationException("The ledger returned no ETag.");
    }
}
