using ApprovalWatch.Digests;
using ApprovalWatch.Storage;
using Azure;
using Azure.Storage.Blobs.Models;

namespace ApprovalWatch.Mail;

/// <summary>
/// Hands mail to SendDigest through the notify queue. A digest goes as a blob
/// (<c>digests/{date}/{recipient}.json</c>, as a queue message holds only 64 KiB), one notify message and
/// a ledger row that keeps a later scan of the same day from queueing the recipient again; a receipt
/// reply goes as a message naming the submitted file.
/// </summary>
public sealed class NotificationQueue(StorageAccount storage, TimeProvider time)
{
    // A queue message can stay invisible for at most seven days.
    private static readonly TimeSpan MaxDelay = TimeSpan.FromDays(6);

    public static string BlobName(DateOnly date, string recipient) => $"{ProcedureEntity.Iso(date)}/{recipient.ToLowerInvariant()}.json";

    /// <summary>
    /// Queues the digest, invisible until <paramref name="sendAt"/> (the start of the recipient's office
    /// hours), unless the recipient was already queued or sent one that day.
    /// </summary>
    public async Task<bool> QueueAsync(Digest digest, DateTimeOffset sendAt, CancellationToken cancellationToken)
    {
        var day = ProcedureEntity.Iso(digest.Date);
        var key = TableKey.Escape(digest.RecipientEmail);
        var known = await storage.NotificationLedger.GetEntityIfExistsAsync<NotificationEntity>(day, key, cancellationToken: cancellationToken);
        if (known.HasValue)
        {
            return false;
        }

        await storage.Digests.GetBlobClient(BlobName(digest.Date, digest.RecipientEmail)).UploadAsync(
            BinaryData.FromObjectAsJson(digest, StorageJson.Options),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" } },
            cancellationToken);
        var delay = sendAt - time.GetUtcNow();
        await storage.NotifyQueue.SendMessageAsync(
            QueueMessages.Write(new NotifyMessage(digest.Date, digest.RecipientEmail)),
            visibilityTimeout: delay > TimeSpan.Zero ? Min(delay, MaxDelay) : null,
            cancellationToken: cancellationToken);
        try
        {
            await storage.NotificationLedger.AddEntityAsync(
                new NotificationEntity { PartitionKey = day, RowKey = key, Recipient = digest.RecipientEmail, State = NotificationEntity.Queued, Lines = digest.Lines.Count() },
                cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // SendDigest got there first; its row stands.
        }

        return true;
    }

    /// <summary>Queues the receipt of a submitted file for one of the department's contacts.</summary>
    public Task QueueReplyAsync(DateOnly date, string recipient, string submittedBlob, CancellationToken cancellationToken) =>
        storage.NotifyQueue.SendMessageAsync(QueueMessages.Write(new NotifyMessage(date, recipient, submittedBlob)), cancellationToken);

    public async Task<Digest> ReadAsync(NotifyMessage message, CancellationToken cancellationToken)
    {
        var content = await storage.Digests.GetBlobClient(BlobName(message.Date, message.Recipient)).DownloadContentAsync(cancellationToken);
        return content.Value.Content.ToObjectFromJson<Digest>(StorageJson.Options)
            ?? throw new FormatException($"Digest {BlobName(message.Date, message.Recipient)} is empty.");
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
