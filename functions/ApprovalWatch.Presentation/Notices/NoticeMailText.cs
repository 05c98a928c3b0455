using ApprovalWatch.Domain.Notices;
using ApprovalWatch.Domain.Text;

namespace ApprovalWatch.Presentation.Notices;

/// <summary>
/// Who a notice's mail is for: its head, to reply; a copy; the leader it climbed to, unanswered; the leader told of a
/// promise past the law's limit; the head whose reply was sent back.
/// </summary>
public enum NoticeMailRole
{
    Head,
    Copy,
    Climb,
    Exceeds,
    SentBack,
}

/// <summary>The words of a supervision notice's mail (Chinese, as the official document it carries): subject, lead, link, attachment.</summary>
public sealed record NoticeMailText(string Subject, string Lead, string LinkText, string Attached)
{
    /// <param name="items">The items the mail is about: all of them, those left unanswered, or the one replied to or sent back.</param>
    /// <param name="recipientName">Who reads it.</param>
    /// <param name="department">The notified department's name.</param>
    public static NoticeMailText For(NoticeMailRole role, SupervisionNotice notice, IReadOnlyList<NoticeItem> items, string recipientName, string department)
    {
        var replyBy = IsoDate.Format(notice.ReplyBy);
        var attached = $"附件：{notice.Number}.docx（可打印存档）";
        var subject = items.Count == 1 ? $"{items[0].ProjectName} {items[0].ItemChinese}" : $"{items[0].ProjectName} {items[0].ItemChinese} 等 {items.Count} 项";
        var onBehalf = notice.OnBehalfOf is { } absent ? $"（代 {absent}）" : "";
        return role switch
        {
            NoticeMailRole.Head => new(
                $"督办单 {notice.Number}：{subject}，请于 {replyBy} 前逐项回告",
                $"{recipientName}：{department}{onBehalf}收到督办单 {notice.Number}，共 {items.Count} 项。请按督办要求办理，并于 {replyBy} 前在看板上逐项回告。",
                "在看板上回告",
                attached
            ),
            NoticeMailRole.Climb => new(
                $"督办单 {notice.Number} 逾期未回告：{department}，{subject}",
                $"{recipientName}：{department}收到的督办单 {notice.Number} 中 {items.Count} 项逾期未回告或承诺到期仍未完成，报请分管领导督办；将列入周调度。",
                "在看板上查看督办单",
                attached
            ),
            NoticeMailRole.Exceeds => new(
                $"督办单 {notice.Number} 承诺日期超过法定时限：{department}，{subject}",
                $"{recipientName}：{department}对督办单 {notice.Number} 的回告承诺于 {Promised(items[0])} 完成，超过法定时限（{Law(items[0])}）。"
                    + $"理由：{items[0].Reply?.ExceedReason}",
                "在看板上查看督办单",
                attached
            ),
            NoticeMailRole.SentBack => new(
                $"督办单 {notice.Number} 回告被退回重报：{subject}",
                $"{recipientName}：{department}对督办单 {notice.Number}「{items[0].ItemChinese}」的回告被退回重报（{items[0].SentBack.LastOrDefault()?.Reason}），"
                    + $"请于 {IsoDate.Format(items[0].ReplyDeadline(notice))} 前重新回告。",
                "在看板上重新回告",
                attached
            ),
            _ => new(
                $"抄送 督办单 {notice.Number}：{department}，{subject}",
                $"抄送：督办单 {notice.Number} 已发{department}，共 {items.Count} 项，回告期限 {replyBy}。",
                "在看板上查看督办单",
                attached
            ),
        };
    }

    private static string Promised(NoticeItem item) => item.Reply is { } reply ? IsoDate.Format(reply.PromisedOn) : "";

    private static string Law(NoticeItem item) => item.StatutoryDueOn is { } law ? IsoDate.Format(law) : "";
}
