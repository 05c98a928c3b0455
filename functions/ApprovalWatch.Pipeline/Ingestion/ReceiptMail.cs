using ApprovalWatch.Domain.Staff;
using ApprovalWatch.Pipeline.Mail;
using ApprovalWatch.Pipeline.Reference;
using ApprovalWatch.Pipeline.Storage;
using ApprovalWatch.Presentation.Receipts;

namespace ApprovalWatch.Pipeline.Ingestion;

/// <summary>
/// The receipt of a submitted file to one of the department's contacts, in his one language: once per content of
/// the file, whatever the day.
/// </summary>
public sealed class ReceiptMail(ReceiptWriter receipts, ReferenceDataLoader referenceLoader) : IMailKind
{
    public const string Name = "reply";

    public string Kind => Name;

    public static NotifyMessage Message(DateOnly date, string recipient, string submittedBlob) => new(Name, date, recipient, submittedBlob);

    public async Task<MailDraft?> DraftAsync(NotifyMessage message, CancellationToken cancellationToken)
    {
        // The key holds the file's content hash, so the receipt is read first.
        var receipt = message.About is { } file ? await receipts.ReadAsync(file, cancellationToken) : null;
        return receipt is null ? null : new MailDraft(NotificationKeys.Reply(message.Recipient, receipt.ContentHash, receipt.File), async ct =>
            {
                var contact = (await referenceLoader.LoadAsync(ct)).Staff.Find(message.Recipient);
                return new OutgoingMail(
                    contact?.Name ?? message.Recipient,
                    ReceiptRenderer.Render(receipt, contact?.Language ?? Language.Chinese),
                    receipt.Errors.Count
                );
            });
    }
}
