using System.Globalization;
using System.Text;
using ApprovalWatch.Catalogue;
using ApprovalWatch.Deadlines;
using ApprovalWatch.Mail;

namespace ApprovalWatch.Digests;

/// <summary>Renders a digest as an email: Chinese first, English below, every line with its three lists.</summary>
public static class DigestRenderer
{
    public static RenderedMail Render(Digest digest)
    {
        var lines = digest.DistinctLines;
        var red = lines.Count(l => l.Flag == Flag.Red);
        var yellow = lines.Count(l => l.Flag == Flag.Yellow);
        var subject = $"【审批时限提醒】{digest.Date:yyyy-MM-dd} 超期 {red} 项，临期 {yellow} 项 | ApprovalWatch: {red} overdue, {yellow} due soon";
        return new RenderedMail(subject, Text(digest), Html(digest, subject));
    }

    private static string Text(Digest digest)
    {
        var text = new StringBuilder();
        text.AppendLine($"{digest.RecipientName}，您好：").AppendLine();
        foreach (var note in digest.Notes)
        {
            text.AppendLine($"【注意 Note】{note}").AppendLine();
        }

        text.AppendLine($"截至 {digest.Date:yyyy年M月d日}（北京时间），以下审批事项需要您关注：");
        foreach (var section in digest.Sections)
        {
            text.AppendLine().AppendLine(ChineseHeading(section.Reason));
            foreach (var line in section.Lines)
            {
                text.AppendLine($"- 【{ChineseState(line)}】{line.ProjectName}（{line.ProjectCode}）— {line.ChineseName}");
                text.AppendLine($"  责任：{ChineseResponsibility(line)}");
                text.AppendLine($"  时限：{ChineseTime(line)}");
            }
        }

        text.AppendLine().AppendLine("—— English ——").AppendLine();
        text.AppendLine($"Dear {digest.RecipientName},").AppendLine();
        text.AppendLine($"As of {digest.Date:yyyy-MM-dd} (Beijing time), these approval procedures need your attention:");
        foreach (var section in digest.Sections)
        {
            text.AppendLine().AppendLine(EnglishHeading(section.Reason));
            foreach (var line in section.Lines)
            {
                text.AppendLine($"- [{EnglishState(line)}] {line.ProjectName} ({line.ProjectCode}) - {line.EnglishName}");
                text.AppendLine($"  Responsibility: {EnglishResponsibility(line)}");
                text.AppendLine($"  Time limit: {EnglishTime(line)}");
            }
        }

        text.AppendLine().AppendLine(MailPage.Signature);
        return text.ToString();
    }

    private static string Html(Digest digest, string subject)
    {
        var html = new StringBuilder();
        html.Append("<p>").Append(E(digest.RecipientName)).Append("，您好：</p>");
        foreach (var note in digest.Notes)
        {
            html.Append("<p style=\"color:#a00000;font-weight:bold\">").Append(E(note)).Append("</p>");
        }

        html.Append("<p>截至 ").Append(digest.Date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture)).Append("（北京时间），以下审批事项需要您关注：</p>");
        foreach (var section in digest.Sections)
        {
            html.Append("<h3>").Append(E(ChineseHeading(section.Reason))).Append(" / ").Append(E(EnglishHeading(section.Reason))).Append("</h3>");
            html.Append("<table cellpadding=\"4\" cellspacing=\"0\" border=\"1\" style=\"border-collapse:collapse\">");
            html.Append("<tr style=\"background:#eee\"><th>状态<br>State</th><th>项目<br>Project</th><th>事项<br>Procedure</th><th>部门 / 经办人<br>Department / handler</th>");
            html.Append("<th>受理日期<br>Accepted</th><th>时限<br>Limit</th><th>应办结<br>Due</th></tr>");
            foreach (var line in section.Lines)
            {
                var colour = line.Flag == Flag.Red ? "#fdd" : "#ffc";
                html.Append("<tr style=\"background:").Append(colour).Append("\">");
                html.Append("<td>").Append(E(ChineseState(line))).Append("<br>").Append(E(EnglishState(line))).Append("</td>");
                html.Append("<td>").Append(E(line.ProjectName)).Append("<br><code>").Append(E(line.ProjectCode)).Append("</code></td>");
                html.Append("<td>").Append(E(line.ChineseName)).Append("<br>").Append(E(line.EnglishName)).Append("</td>");
                html.Append("<td>").Append(E(ChineseResponsibility(line))).Append("<br>").Append(E(EnglishResponsibility(line))).Append("</td>");
                html.Append("<td>").Append(line.StartedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("</td>");
                html.Append("<td>").Append(E(line is ProcedureLine p ? ChineseLimit(p) : $"{line.LimitDays} 个工作日")).Append("<br>").Append(E(line is ProcedureLine q ? EnglishLimit(q) : $"{line.LimitDays} working days")).Append("</td>");
                html.Append("<td>").Append(line.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("</td></tr>");
            }

            html.Append("</table>");
        }

        return MailPage.Html(subject, html.ToString());
    }

    private static string E(string text) => MailPage.Encode(text);

    private static string DepartmentName(string id, bool chinese) =>
        Department.Find(id) is { } d ? (chinese ? d.ChineseName : d.EnglishName) : id;

    private static string ChineseState(DigestLine line) => line.Flag == Flag.Red
        ? $"超期 {line.OverdueWorkingDays} 个工作日"
        : line.WorkingDaysLeft == 0 ? "今日到期" : $"剩余 {line.WorkingDaysLeft} 个工作日";

    private static string EnglishState(DigestLine line) => line.Flag == Flag.Red
        ? $"overdue {line.OverdueWorkingDays} working day{Plural(line.OverdueWorkingDays)}"
        : line.WorkingDaysLeft == 0 ? "due today" : $"{line.WorkingDaysLeft} working day{Plural(line.WorkingDaysLeft)} left";

    private static string ChineseResponsibility(DigestLine line) => line switch
    {
        ProcedureLine p => $"{DepartmentName(p.Department, true)}，经办人 {p.HandlerName}（{p.HandlerEmail}）",
        ProjectLine p => $"待办部门 {string.Join("、", p.HoldingDepartments.Select(d => DepartmentName(d, true)))}",
        _ => throw new ArgumentOutOfRangeException(nameof(line)),
    };

    private static string EnglishResponsibility(DigestLine line) => line switch
    {
        ProcedureLine p => $"{DepartmentName(p.Department, false)}, handler {p.HandlerName} <{p.HandlerEmail}>",
        ProjectLine p => $"open at {string.Join(", ", p.HoldingDepartments.Select(d => DepartmentName(d, false)))}",
        _ => throw new ArgumentOutOfRangeException(nameof(line)),
    };

    private static string ChineseTime(DigestLine line) => line is ProcedureLine p
        ? $"{line.StartedOn:yyyy-MM-dd} 受理，{ChineseLimit(p)}，应于 {line.DueOn:yyyy-MM-dd} 办结"
        : $"{line.StartedOn:yyyy-MM-dd} 首次受理，时限 {line.LimitDays} 个工作日，应于 {line.DueOn:yyyy-MM-dd} 前完成";

    private static string EnglishTime(DigestLine line) => line is ProcedureLine p
        ? $"accepted {line.StartedOn:yyyy-MM-dd}, {EnglishLimit(p)}, due {line.DueOn:yyyy-MM-dd}"
        : $"first accepted {line.StartedOn:yyyy-MM-dd}, limit {line.LimitDays} working days, due {line.DueOn:yyyy-MM-dd}";

    private static string ChineseLimit(ProcedureLine line)
    {
        var limit = $"承诺时限 {line.LimitDays} 个工作日";
        if (line.StatutoryDays > 0)
        {
            limit += $"（法定 {line.StatutoryDays} 个工作日{(line.StatutoryDueOn is { } d ? $"，{d:yyyy-MM-dd} 到期" : "")}{(line.PastStatutory ? "，已超法定时限" : "")}）";
        }

        if (line.ExtensionDays > 0)
        {
            limit += $"，延长 {line.ExtensionDays} 个工作日";
        }

        return line.PausedWorkingDays > 0 ? limit + $"，暂停不计 {line.PausedWorkingDays} 个工作日" : limit;
    }

    private static string EnglishLimit(ProcedureLine line)
    {
        var limit = $"promised limit {line.LimitDays} working days";
        if (line.StatutoryDays > 0)
        {
            limit += $" (statutory {line.StatutoryDays}{(line.StatutoryDueOn is { } d ? $", due {d:yyyy-MM-dd}" : "")}{(line.PastStatutory ? ", PAST THE STATUTORY LIMIT" : "")})";
        }

        if (line.ExtensionDays > 0)
        {
            limit += $", extended by {line.ExtensionDays}";
        }

        return line.PausedWorkingDays > 0 ? limit + $", {line.PausedWorkingDays} paused days not counted" : limit;
    }

    private static string Plural(int n) => n == 1 ? "" : "s";

    private static string ChineseHeading(DigestReason reason) => reason switch
    {
        DigestReason.Handler => "一、您经办的临期、超期事项",
        DigestReason.DepartmentHead => "二、本部门的超期事项",
        DigestReason.LeaderInCharge => "三、您包联部门持续超期的事项",
        DigestReason.Coordinator => "四、各部门持续超期的事项（发改统筹）",
        DigestReason.ProjectAtRisk => "五、全流程或阶段时限临期、超期的项目",
        _ => throw new ArgumentOutOfRangeException(nameof(reason)),
    };

    private static string EnglishHeading(DigestReason reason) => reason switch
    {
        DigestReason.Handler => "Procedures you handle that are due soon or overdue",
        DigestReason.DepartmentHead => "Overdue procedures of your department",
        DigestReason.LeaderInCharge => "Procedures of the departments in your charge that stay overdue",
        DigestReason.Coordinator => "Procedures of all departments that stay overdue (development & reform)",
        DigestReason.ProjectAtRisk => "Projects due soon or overdue against their whole-process or stage limits",
        _ => throw new ArgumentOutOfRangeException(nameof(reason)),
    };
}
