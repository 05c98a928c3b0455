using System.Globalization;
using ApprovalWatch.Domain.Notices;
using ApprovalWatch.Domain.Text;
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
/// copy to the leader in charge and the coordinators, and to the leader in charge when no reply came in time.
/// </summary>
public sealed class NoticeMail(NoticeBook book, NoticeArchive archive, ReferenceDataLoader referenceLoader, AckLinks links) : IMailKind
{
    public const string Name = "notice";
    public const string Head = "head";
    public const string Copy = "copy";
    public const string Climb = "climb";

    public string Kind => Name;

    public static NotifyMessage Message(SupervisionNotice notice, DateOnly date, string recipient, string role) =>
        new(
            Name,
            date,
            recipient,
            string.Join('|', notice.Year.ToString(CultureInfo.InvariantCulture), notice.Sequence.ToString(CultureInfo.InvariantCulture), role)
        );

    public static NotificationKey Key(SupervisionNotice notice, string recipient, string role) =>
        new(NotificationKeys.Notices, $"{role}|{notice.Year}|{notice.Sequence}|{TableKey.Escape(recipient.ToLowerInvariant())}");

    public async Task<MailDraft?> DraftAsync(NotifyMessage message, CancellationToken cancellationToken)
    {
        var about = (message.About ?? "").Split('|');
        if (about.Length != 3 || await book.FindAsync(about[0], about[1], cancellationToken) is not { Notice: var notice })
        {
            return null;
        }

        var role = about[2];
        return new MailDraft(Key(notice, message.Recipient, role), async ct =>
        {
            var staff = (await referenceLoader.LoadAsync(ct)).Staff;
            var view = NoticeView.Of(notice, staff.NameOf);
            var department = Domain.Catalogue.Department.Find(notice.Department)?.ChineseName ?? notice.Department;
            var (subject, lead, link, linkText) = role switch
            {
                Head => ($"督办单 {notice.Number}：{notice.ProjectName} {notice.ItemChinese}，请于 {IsoDate.Format(notice.ReplyBy)} 前回告",
                    $"{staff.NameOf(message.Recipient)}：{department}{(notice.OnBehalfOf is { } absent ? $"（代 {absent}）" : "")}收到督办单 {notice.Number}。"
                        + $"请按督办要求办理，并于 {IsoDate.Format(notice.ReplyBy)} 前在看板上回告。",
                    links.NoticeReply(message.Recipient, notice.Year, notice.Sequence, notice.IssuedOn, notice.ReplyBy), "在看板上回告"),
                Climb => ($"督办单 {notice.Number} 逾期未回告：{department}，{notice.ProjectName}",
                    $"{department}收到的督办单 {notice.Number} 应于 {IsoDate.Format(notice.ReplyBy)} 前回告，至今未回告，报请分管领导督办；本事项将列入周调度。",
                    links.Board("/notices"), "在看板上查看督办单"),
                _ => ($"抄送 督办单 {notice.Number}：{department}，{notice.ProjectName} {notice.ItemChinese}",
                    $"抄送：督办单 {notice.Number} 已发{department}，回告期限 {IsoDate.Format(notice.ReplyBy)}。",
                    links.Board("/notices"), "在看板上查看督办单"),
            };
            var document = await archive.DocumentAsync(notice, staff.NameOf, ct);
            var model = new
            {
                view.Number,
                view.Rows,
                view.Required,
                Lead = lead,
                Link = link,
                LinkText = linkText,
                Attached = $"附件：{notice.Number}.docx（可打印存档）",
            };
            var mail = MailTemplates.Render("notice", subject, model, Domain.Staff.Language.Chinese) with
            {
                Attachments = [new MailAttachment($"{notice.Number}.docx", ContentTypes.Docx, document)],
            };
            return new OutgoingMail(staff.NameOf(message.Recipient), mail, 1);
        });
    }
}
