using ApprovalWatch.Domain.Notices;
using ApprovalWatch.Domain.Text;

namespace ApprovalWatch.Presentation.Notices;

/// <summary>Who a notice's mail is for: its head, to reply; a copy; or the leader it climbed to, unanswered.</summary>
public enum NoticeMailRole
{
    Head,
    Copy,
    Climb,
}

/// <summary>The words of a supervision notice's mail (Chinese, as the official document it carries): subject, lead, link, attachment.</summary>
public sealed record NoticeMailText(string Subject, string Lead, string LinkText, string Attached)
{
    /// <param name="recipientName">Who reads it.</param>
    /// <param name="department">The notified department's name.</param>
    public static NoticeMailText For(NoticeMailRole role, SupervisionNotice notice, string recipientName, string department)
    {
        var replyBy = IsoDate.Format(notice.ReplyBy);
        var attached = $"附件：{notice.Number}.docx（可打印存档）";
        return role switch
        {
            NoticeMailRole.Head => new(
                $"督办单 {notice.Number}：{notice.ProjectName} {notice.ItemChinese}，请于 {replyBy} 前回告",
                $"{recipientName}：{department}{(notice.OnBehalfOf is { } absent ? $"（代 {absent}）" : "")}收到督办单 {notice.Number}。"
                    + $"请按督办要求办理，并于 {replyBy} 前在看板上回告。",
                "在看板上回告",
                attached
            ),
            NoticeMailRole.Climb => new(
                $"督办单 {notice.Number} 逾期未回告：{department}，{notice.ProjectName}",
                $"{department}收到的督办单 {notice.Number} 应于 {replyBy} 前回告，至今未回告，报请分管领导督办；本事项将列入周调度。",
                "在看板上查看督办单",
                attached
            ),
            _ => new(
                $"抄送 督办单 {notice.Number}：{department}，{notice.ProjectName} {notice.ItemChinese}",
                $"抄送：督办单 {notice.Number} 已发{department}，回告期限 {replyBy}。",
                "在看板上查看督办单",
                attached
            ),
        };
    }
}
