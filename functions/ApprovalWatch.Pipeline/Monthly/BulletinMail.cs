using ApprovalWatch.Pipeline.Mail;
using ApprovalWatch.Pipeline.Reference;
using ApprovalWatch.Pipeline.Storage;

namespace ApprovalWatch.Pipeline.Monthly;

/// <summary>A month's archived efficiency bulletin to one reader, the chart inline and the workbook attached.</summary>
public sealed class BulletinMail(MonthlyBulletins bulletins, ReferenceDataLoader referenceLoader) : IMailKind
{
    public const string Name = "monthly";

    public string Kind => Name;

    public static NotifyMessage Message(DateOnly date, string month, string recipient) => new(Name, date, recipient, month);

    /// <summary>One per month and reader, whatever the day it goes.</summary>
    public static NotificationKey Key(string month, string recipient) =>
        new(NotificationKeys.Monthly, $"monthly|{month}|{TableKey.Escape(recipient.ToLowerInvariant())}");

    public Task<MailDraft?> DraftAsync(NotifyMessage message, CancellationToken cancellationToken) =>
        Task.FromResult<MailDraft?>(message.About is not { } month ? null : new MailDraft(Key(month, message.Recipient), async ct =>
        {
            var person = (await referenceLoader.LoadAsync(ct)).Staff.Find(message.Recipient);
            return new OutgoingMail(person?.Name ?? message.Recipient, await bulletins.RenderMailAsync(month, ct), 0);
        }));
}
