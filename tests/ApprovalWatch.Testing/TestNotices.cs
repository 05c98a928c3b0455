using ApprovalWatch.Domain.Notices;

namespace ApprovalWatch.Testing;

/// <summary>Supervision notices and their items as tests write them: only what a test is about differs from these.</summary>
public static class TestNotices
{
    public static NoticeItem Item(string key = "P|HC-01|3", string project = "P", NoticeReply? reply = null) =>
        new()
        {
            Key = key,
            ItemCode = key.Split('|')[1],
            ProjectCode = project,
            ProjectName = "项目",
            ItemChinese = "施工图审查",
            ItemEnglish = "Drawing review",
            IsProblem = false,
            StartedOn = new(2026, 2, 13),
            DueOn = new(2026, 3, 6),
            LimitDays = 15,
            OverdueWorkingDays = 6,
            Reply = reply,
        };

    public static SupervisionNotice Notice(string department, DateOnly issued, DateOnly replyBy, params NoticeItem[] items) =>
        new()
        {
            Number = "克发改督〔2026〕1号",
            Year = issued.Year,
            Sequence = 1,
            IssuedOn = issued,
            ReplyBy = replyBy,
            Department = department,
            HeadEmail = "h@x.org",
            HeadName = "H",
            Items = items.Length > 0 ? items : [Item()],
        };
}
