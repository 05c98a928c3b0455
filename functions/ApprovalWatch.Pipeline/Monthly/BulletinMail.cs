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

    /// <summary>A reader's copy, or (while he is away) his stand-in's, marked (<see cref="ReaderCopies"/>).</summary>
    public Task<MailDraft?> DraftAsync(NotifyMessage message, CancellationToken cancellationToken) =>
        Task.FromResult<MailDraft?>(message.About is not { } about ? null : new MailDraft(Key(ReaderCopies.Read(about).Report, message.Recipient), async ct =>
        {
            var staff = (await referenceLoader.LoadAsync(ct)).Staff;
            var (month, onBehalfOf) = ReaderCopies.Read(about);
            var mail = ReaderCopies.Marked(await bulletins.RenderMailAsync(month, ct), onBehalfOf, staff);
            return new OutgoingMail(staff.Find(message.Recipient)?.Name ?? message.Recipient, mail, 0);
        }));
}
