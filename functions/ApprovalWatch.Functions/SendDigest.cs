using ApprovalWatch.Mail;
using ApprovalWatch.Storage;
using Microsoft.Azure.Functions.Worker;

namespace ApprovalWatch.Functions;

public sealed class SendDigest(NotificationSender sender)
{
    [Function(nameof(SendDigest))]
    public Task Run([QueueTrigger("%NotifyQueue%")] string message, CancellationToken cancellationToken) =>
        sender.SendAsync(QueueMessages.Read<NotifyMessage>(message), cancellationToken);
}
