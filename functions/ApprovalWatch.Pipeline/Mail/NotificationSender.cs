using ApprovalWatch.Digests;
using ApprovalWatch.Ingestion;
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
public sealed class NotificationSender(StorageAccount storage, NotificationQueue notifications, ReceiptWriter receipts, SendGridMailer mailer, TimeProvider time, ILogger<NotificationSender> logger)
{
    /// <summary>How long a claim holds before another delivery may take over a send that never finished.</summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(2);

    /// <returns>SendGrid's message id, or null when the mail had already been sent (or the receipt is gone).</returns>
    public async Task<string?> SendAsync(NotifyMessage message, CancellationToken cancellationToken)
    {
        var mail = await MailAsync(message, cancellationToken);
        if (mail is null)
        {
            logger.LogWarning("The receipt of {File} is gone; no reply to {Recipient}", message.Receipt, message.Recipient);
            return null;
        }

        var ledger = storage.NotificationLedger;
        var day = ProcedureEntity.Iso(message.Date);
        var found = await ledger.GetEntityIfExistsAsync<NotificationEntity>(day, mail.Value.Key, cancellationToken: cancellationToken);
        var before = found.HasValue ? found.Value! : null;
        if (before?.State == NotificationEntity.Sent)
        {
            logger.LogInformation("{Key} of {Date} was already sent ({MessageId})", mail.Value.Key, day, before.MessageId);
            return null;
        }

        var now = time.GetUtcNow();
        if (before?.State == NotificationEntity.Sending && before.ClaimedAt + ClaimLease > now)
        {
            throw new InvalidOperationException($"{mail.Value.Key} of {day} is being sent by another delivery since {before.ClaimedAt:u}; try again later.");
        }

        var queued = before ?? new NotificationEntity { PartitionKey = day, RowKey = mail.Value.Key, Recipient = message.Recipient, Lines = mail.Value.Lines };
        var claim = await ClaimAsync(before, queued, now, cancellationToken);
        string messageId;
        try
        {
            messageId = await mailer.SendAsync(message.Recipient, mail.Value.Name, mail.Value.Mail, new Dictionary<string, string> { ["notification"] = $"{day}/{mail.Value.Key}" }, cancellationToken);
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
                RowKey = mail.Value.Key,
                Recipient = message.Recipient,
                State = NotificationEntity.Sent,
                Lines = mail.Value.Lines,
                SentAt = time.GetUtcNow(),
                MessageId = messageId,
                Subject = mail.Value.Mail.Subject,
            },
            claim,
            TableUpdateMode.Replace,
            cancellationToken);
        logger.LogInformation("Sent {Key} of {Date}: {Lines} line(s), SendGrid id {MessageId}", mail.Value.Key, day, mail.Value.Lines, messageId);
        return messageId;
    }

    /// <summary>The ledger key, the recipient's name and the rendered mail of a message.</summary>
    private async Task<(string Key, string Name, RenderedMail Mail, int Lines)?> MailAsync(NotifyMessage message, CancellationToken cancellationToken)
    {
        if (message.Receipt is null)
        {
            var digest = await notifications.ReadAsync(message, cancellationToken);
            return (TableKey.Escape(message.Recipient), digest.RecipientName, DigestRenderer.Render(digest), digest.Lines.Count());
        }

        var receipt = await receipts.ReadAsync(message.Receipt, cancellationToken);
        return receipt is null
            ? null
            : ($"reply|{TableKey.Escape(message.Recipient)}|{receipt.ContentHash[..Math.Min(16, receipt.ContentHash.Length)]}|{TableKey.Escape(receipt.File)}", message.Recipient, ReceiptRenderer.Render(receipt), receipt.Errors.Count);
    }

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
