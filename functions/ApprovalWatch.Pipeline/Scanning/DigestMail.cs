using ApprovalWatch.Domain.Staff;
using ApprovalWatch.Pipeline.Links;
using ApprovalWatch.Pipeline.Mail;
using ApprovalWatch.Pipeline.Reference;
using ApprovalWatch.Pipeline.Storage;

namespace ApprovalWatch.Pipeline.Scanning;

/// <summary>A recipient's digest of one office day, as the scan stored it, in his language, with acknowledgement links.</summary>
public sealed class DigestMail(DigestStore digests, ReferenceDataLoader referenceLoader, AckLinks ackLinks) : IMailKind
{
    public const string Name = "digest";

    public string Kind => Name;

    public static NotifyMessage Message(DateOnly date, string recipient) => new(Name, date, recipient);

    public Task<MailDraft?> DraftAsync(NotifyMessage message, CancellationToken cancellationToken) =>
        Task.FromResult<MailDraft?>(new MailDraft(NotificationKeys.Digest(message.Date, message.Recipient), async ct =>
            {
                var digest = await digests.ReadAsync(message.Date, message.Recipient, ct);
                var reference = await referenceLoader.LoadAsync(ct);
                var language = reference.Staff.Find(digest.RecipientEmail)?.Language ?? Language.Chinese;
                return new OutgoingMail(
                    digest.RecipientName,
                    (await referenceLoader.TemplatesAsync(ct)).Render(digest, language, ackLinks.For(digest)),
                    digest.Lines.Count()
                );
            }));
}
