using ApprovalWatch.Digests;
using ApprovalWatch.Storage;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;

namespace ApprovalWatch.Mail;

/// <summary>
/// Sends one recipient's digest of one day, at most once. The Notifications ledger row is claimed with
/// an ETag-conditional update before sending, so two deliveries of the message cannot both send; a
/// failed send puts the row back as it was and throws, so the queue tries again.
/// </summary>
public sealed class DigestSender(StorageAccount storage, DigestQueue digests, SendGridMailer mailer, TimeProvider time, ILogger<DigestSender> logger)
{
    /// <summary>How long a claim holds before another delivery may take over a send that never finished.</summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(2);

    /// <returns>SendGrid's message id, or null when the digest had already been sent.</returns>
    public async Task<string?> SendAsync(NotifyMessage message, CancellationToken cancellationToken)
    {
        var ledger = storage.NotificationLedger;
        var day = ProcedureEntity.Iso(message.Date);
        var key = TableKey.Escape(message.Recipient);
        var found = await ledger.GetEntityIfExistsAsync<NotificationEntity>(day, key, cancellationToken: cancellationToken);
        var before = found.HasValue ? found.Value! : null;
        if (before?.State == NotificationEntity.Sent)
        {
            logger.LogInformation("Digest of {Date} for {Recipient} was already sent ({MessageId})", day, message.Recipient, before.MessageId);
            return null;
        }

        var now = time.GetUtcNow();
        if (before?.State == NotificationEntity.Sending && before.ClaimedAt + ClaimLease > now)
        {
            throw new InvalidOperationException($"The digest of {day} for {message.Recipient} is being sent by another delivery since {before.ClaimedAt:u}; try again later.");
        }

        var claim = await ClaimAsync(before, day, key, message.Recipient, now, cancellationToken);
        var digest = await digests.ReadAsync(message, cancellationToken);
        var mail = DigestRenderer.Render(digest);
        string messageId;
        try
        {
            messageId = await mailer.SendAsync(digest.RecipientEmail, digest.RecipientName, mail, new Dictionary<string, string> { ["digest"] = $"{day}/{message.Recipient}" }, cancellationToken);
        }
        catch
        {
            await ledger.UpdateEntityAsync(before ?? Queued(day, key, message.Recipient), claim, TableUpdateMode.Replace, cancellationToken);
            throw;
        }

        await ledger.UpdateEntityAsync(
            new NotificationEntity
            {
                PartitionKey = day,
                RowKey = key,
                Recipient = message.Recipient,
                State = NotificationEntity.Sent,
                Lines = digest.Lines.Count(),
                SentAt = time.GetUtcNow(),
                MessageId = messageId,
                Subject = mail.Subject,
            },
            claim,
            TableUpdateMode.Replace,
            cancellationToken);
        logger.LogInformation("Sent the digest of {Date} to {Recipient}: {Lines} line(s), SendGrid id {MessageId}", day, message.Recipient, digest.Lines.Count(), messageId);
        return messageId;
    }

    private async Task<ETag> ClaimAsync(NotificationEntity? before, string day, string key, string recipient, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var claim = Queued(day, key, recipient);
        claim.State = NotificationEntity.Sending;
        claim.ClaimedAt = now;
        claim.Lines = before?.Lines ?? 0;
        var response = before is null
            ? await storage.NotificationLedger.AddEntityAsync(claim, cancellationToken)
            : await storage.NotificationLedger.UpdateEntityAsync(claim, before.ETag, TableUpdateMode.Replace, cancellationToken);
        return response.Headers.ETag ?? throw new InvalidOperationException("The ledger returned no ETag.");
    }

    private static NotificationEntity Queued(string day, string key, string recipient) =>
        new() { PartitionKey = day, RowKey = key, Recipient = recipient, State = NotificationEntity.Queued };
}
