using System.Globalization;
using ApprovalWatch.Domain.Notices;
using ApprovalWatch.Pipeline.Links;
using ApprovalWatch.Pipeline.Mail;
using ApprovalWatch.Pipeline.Reference;
using ApprovalWatch.Pipeline.Storage;
using ApprovalWatch.Presentation;
using ApprovalWatch.Presentation.Mail;
using ApprovalWatch.Presentation.Notices;

namespace ApprovalWatch.Pipeline.Notices;

/// <summary>
/// A supervision notice by mail, its Word document attached: to the department's head with his signed reply link, in
/// copy to the leader in charge and the coordinators; to the leader in charge when items were left unanswered past their
/// deadline (<see cref="Climb"/>, the day in its part) or a reply promised past the law's limit (<see cref="Exceeds"/>,
/// the item in its part); to the head when a reply was sent back to be redone (<see cref="SentBack"/>).
/// </summary>
public sealed class NoticeMail(NoticeBook book, NoticeArchive archive, ReferenceDataLoader referenceLoader, AckLinks links) : IMailKind
{
    public const string Name = "notice";
    public const string Head = "head";
    public const string Copy = "copy";
    public const string Climb = "climb";
    public const string Exceeds = "exceeds";
    public const string SentBack = "sentback";

    public string Kind => Name;

    /// <summary>
    /// Which notice a message is about, the recipient's part in it (<see cref="Head"/>, <see cref="Copy"/>, …) and what of it
    /// (a day, an item, a count).
    /// </summary>
    public sealed record About(int Year, int Sequence, string Role, string Part = "")
    {
        /// <summary>The form of messages queued before they held this record: <c>{year}|{sequence}|{role}</c>.</summary>
        public static About? Written(string? text) =>
            text?.Split('|') is [var year, var sequence, var role]
            && int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            && int.TryParse(sequence, NumberStyles.None, CultureInfo.InvariantCulture, out var s)
                ? new About(y, s, role)
                : null;
    }

    public static NotifyMessage Message(SupervisionNotice notice, DateOnly date, string recipient, string role, string part = "") =>
        NotifyMessage.Regarding(Name, date, recipient, new About(notice.Year, notice.Sequence, role, part));

    public static NotificationKey Key(SupervisionNotice notice, string recipient, string role, string part = "") =>
        new(
            NotificationKeys.Notices,
            $"{role}|{notice.Year}|{notice.Sequence}|{(part.Length > 0 ? TableKey.Escape(part) + "|" : "")}{TableKey.Escape(recipient.ToLowerInvariant())}"
        );

    public async Task<MailDraft?> DraftAsync(NotifyMessage message, CancellationToken cancellationToken)
    {
        if (
            (message.AboutAs<About>() ?? About.Written(message.About)) is not { } about
            || await book.FindAsync(about.Year, about.Sequence, cancellationToken) is not { Notice: var notice }
        )
        {
            return null;
        }

        var role = about.Role;
        IReadOnlyList<NoticeItem> items = role switch
        {
            Climb => [.. notice.Items.Where(i => i.ClimbedOn is { } on && Domain.Text.IsoDate.Format(on) == about.Part)],
            Exceeds or SentBack => [.. notice.Items.Where(i => i.Key == about.Part)],
            _ => notice.Items,
        };
        if (items.Count == 0)
        {
            return null; // answered or moved since: nothing to say
        }

        return new MailDraft(Key(notice, message.Recipient, role, about.Part), async ct =>
        {
            var staff = (await referenceLoader.LoadAsync(ct)).Staff;
            var view = NoticeView.Of(notice, staff.NameOf);
            var department = Domain.Catalogue.Department.Find(notice.Department)?.ChineseName ?? notice.Department;
            var text = NoticeMailText.For(RoleOf(role), notice, items, staff.NameOf(message.Recipient), department);
            var link = role is Head or SentBack
                ? links.NoticeReply(message.Recipient, notice.Year, notice.Sequence, notice.IssuedOn, items.Max(i => i.ReplyDeadline(notice)))
                : links.Board($"/notices/{notice.Year}/{notice.Sequence}");
            var document = await archive.DocumentAsync(notice, staff.NameOf, ct);
            var model = new
            {
                view.Number,
                view.Rows,
                Items = view.Items.Where(v => items.Any(i => i.Key == v.Key)).ToList(),
                view.Required,
                text.Lead,
                Link = link,
                text.LinkText,
                text.Attached,
            };
            var mail = MailTemplates.Render("notice", text.Subject, model, Domain.Staff.Language.Chinese) with
            {
                Attachments = [new MailAttachment($"{notice.Number}.docx", ContentTypes.Docx, document)],
            };
            return new OutgoingMail(staff.NameOf(message.Recipient), mail, 1);
        });
    }

    private static NoticeMailRole RoleOf(string role) => role switch
    {
        Head => NoticeMailRole.Head,
        Climb => NoticeMailRole.Climb,
        Exceeds => NoticeMailRole.Exceeds,
        SentBack => NoticeMailRole.SentBack,
        _ => NoticeMailRole.Copy,
    };
}
