using ApprovalWatch.Domain.Chat;
using ApprovalWatch.Domain.Notices;
using ApprovalWatch.Domain.Text;

namespace ApprovalWatch.Presentation.Chat;

/// <summary>
/// What a group robot posts, as Markdown both platforms show (a title line, bold, lists, links), in Chinese. What came
/// from a department's file or the directory (project and item names, people) is text, never Markdown: a clerk cannot
/// post a heading or a link as the official robot.
/// </summary>
public static class ChatText
{
    // Neither platform's Markdown honours every backslash escape: a sign that could make a heading, a link, an image,
    // emphasis, code or a table becomes its full-width twin, which reads the same in Chinese text and formats nothing.
    private static readonly Dictionary<char, char> FullWidth = new()
    {
        ['#'] = '＃', ['['] = '［', [']'] = '］', ['('] = '（', [')'] = '）', ['*'] = '＊', ['_'] = '＿', ['`'] = '｀',
        ['<'] = '＜', ['>'] = '＞', ['!'] = '！', ['|'] = '｜', ['~'] = '～', ['\\'] = '＼',
    };

    /// <summary>A value from a file or the directory as plain text in Markdown: on one line, no sign that formats.</summary>
    public static string Plain(string? text) =>
        string.Concat((text ?? "").ReplaceLineEndings(" ").Select(c => FullWidth.TryGetValue(c, out var twin) ? twin : c));

    public static (string Title, string Markdown) Summary(ChatSummary s, string? boardUrl)
    {
        var department = Words.Of(Domain.Staff.Language.Chinese).Department(s.Department);
        var title = $"{department} 审批事项提醒 {IsoDate.Format(s.Date)}";
        var lines = new List<string>
        {
            $"### {title}",
            $"超期 **{s.Red}** 件，预警 **{s.Yellow}** 件；超期问题 **{s.OverdueProblems}** 个；待回告督办单 **{s.NoticesAwaitingReply}** 份。",
        };
        if (s.Urgent.Count > 0)
        {
            lines.Add("最紧急：");
            lines.AddRange(
                s.Urgent.Select(
                    (u, i) =>
                        $"{i + 1}. {Plain(u.ProjectName)} · {Plain(u.Item)}（{Plain(u.HandlerName)}）"
                            + (u.WorkingDaysLeft < 0 ? $"超期 {-u.WorkingDaysLeft} 个工作日" : u.WorkingDaysLeft == 0 ? "今日到期" : $"剩 {u.WorkingDaysLeft} 个工作日")
                )
            );
        }

        if (boardUrl is not null)
        {
            lines.Add($"[打开看板]({boardUrl})");
        }

        return (title, string.Join("\n", lines));
    }

    public static (string Title, string Markdown) Notice(SupervisionNotice n, string? boardUrl)
    {
        var department = Words.Of(Domain.Staff.Language.Chinese).Department(n.Department);
        var title = $"督办单 {n.Number}";
        var lines = new List<string>
        {
            $"### {title}",
            n.Items.Count == 1
                ? $"{department}：{Plain(n.Items[0].ProjectName)} · {Plain(n.Items[0].ItemChinese)}，已逾期 **{n.Items[0].OverdueWorkingDays}** 个工作日。"
                : $"{department}：{Plain(n.Subject(chinese: true))}，共 **{n.Items.Count}** 项逾期，最长 **{n.Items.Max(i => i.OverdueWorkingDays)}** 个工作日。",
            $"请负责人 {Plain(n.HeadName)}{(n.OnBehalfOf is { } absent ? $"（代 {Plain(absent)}）" : "")} 于 **{IsoDate.Format(n.ReplyBy)}** 前在看板上逐项回告原因、措施和承诺日期。",
        };
        if (boardUrl is not null)
        {
            lines.Add($"[查看督办单]({boardUrl})");
        }

        return (title, string.Join("\n", lines));
    }
}
