using System.Globalization;
using ApprovalWatch.Domain.Operations;
using ApprovalWatch.Domain.Text;
using ApprovalWatch.Presentation.Mail;

namespace ApprovalWatch.Presentation.Operations;

/// <summary>The operator report as a mail (and as the text <c>approvalwatch status</c> prints).</summary>
public static class OperatorReportRenderer
{
    public static RenderedMail Render(OperatorReport report)
    {
        var subject = report.IsEmpty
            ? $"【运行报告】{Day(report.Date)} 无异常 | ApprovalWatch operator report: all well"
            : $"【运行报告】{Day(report.Date)} 异常 {report.Problems} 项 | ApprovalWatch operator report: {report.Problems} problem(s)";
        return MailTemplates.Render("operator", subject, new { Sections = Sections(report).Select(s => new { s.Heading, s.Lines }).ToList() });
    }

    private static List<(string Heading, List<string> Lines)> Sections(OperatorReport report)
    {
        var sections = new List<(string, List<string>)>();
        void Add(string heading, IEnumerable<string> lines)
        {
            var list = lines.ToList();
            if (list.Count > 0)
            {
                sections.Add((heading, list));
            }
        }

        Add(
            "死信队列 Poisoned messages (moved aside after their last try)",
            report.Poisoned.Select(p => $"{p.Queue}: {p.Count} message(s); e.g. {string.Join(" | ", p.Samples)}")
        );
        Add(
            "邮件未送达 Mail not delivered (to send failed mail again: approvalwatch notify retry --date D)",
            report.Deliveries.Select(d =>
                $"{d.State}: {(d.Receipt is null ? $"digest of {d.Date}" : $"receipt of {d.Receipt}")} to {d.Recipient} after {d.Attempts} tr(ies): {d.Reason}"
            )
        );
        Add(
            "邮件等待重试 Mail waiting for a retry (the provider throttled or failed it; it goes out by itself)",
            report.Waiting.Select(w =>
                $"{w.About} to {w.Recipient}: tried {w.Attempts} time(s), waiting {Age(w.Waited)}, next try "
                    + $"{w.NextAttemptAt?.ToString("u", CultureInfo.InvariantCulture) ?? "—"}: {w.Reason}"
            )
        );
        Add("每日任务未运行 Working days without the daily scan (no digests were made)", report.MissedScans.Select(Day));
        Add("无法读取的报送文件 Files refused (the receipt tells the department why)", report.RefusedFiles.Select(f =>
            $"{f.File} at {f.ReceivedAt.ToString("u", CultureInfo.InvariantCulture)}: {Reasons.Say(f.Reason, null)}"));
        Add("中断的入库 Ingestions stopped before their receipt (queued again by the next gather)", report.StalledIngestions.Select(s =>
            $"{s.File}: {s.State} until {s.ClaimedUntil.ToString("u", CultureInfo.InvariantCulture)}, queued {s.Queueings} time(s)"));
        Add("配置文件未采用 Configuration refused (config container; mend the file, it is read again at once)", report.RefusedConfiguration);
        Add(
            "休假无人顶岗 Away with nobody to stand in (name a deputy in directory.csv, or mend leave.csv)",
            report.Uncovered.Select(a => $"{a.Name} <{a.Email}> ({a.Department}): 休假至 away until {Day(a.AwayUntil)}")
        );
        Add(
            "放假通知待载入 Holiday notices to load (until then these years are reckoned from the statutory holidays and marked 暂定)",
            report.ProvisionalCalendars.Select(p =>
                $"{p.Calendar} {p.Year}: approvalwatch calendar show {p.Year} --calendar {p.Calendar} names the notices loaded and the rules used"
            )
        );
        return sections;
    }

    private static string Age(TimeSpan waited) =>
        waited.TotalHours >= 1 ? $"{(int)waited.TotalHours} h {waited.Minutes} min"
        : waited.TotalMinutes >= 1 ? $"{(int)waited.TotalMinutes} min"
        : $"{Math.Max(0, (int)waited.TotalSeconds)} s";

    private static string Day(DateOnly date) => IsoDate.Format(date);
}
