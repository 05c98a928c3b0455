using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using ApprovalWatch.Domain.Monthly;
using ApprovalWatch.Domain.Text;
using ApprovalWatch.Presentation.Mail;
using Fluid;

namespace ApprovalWatch.Presentation.Monthly;

/// <summary>The monthly efficiency bulletin as HTML (the archive's page and the mail) and text, in Chinese: totals, the chart, departments and
/// handlers ranked.</summary>
public static class BulletinRenderer
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);
    private static readonly TemplateOptions Options = new() { MemberAccessStrategy = UnsafeMemberAccessStrategy.Instance };
    private static readonly Dictionary<string, IFluidTemplate> Templates = EmbeddedTemplates.All("ApprovalWatch.Presentation.Monthly.Templates.");

    public static string Subject(EfficiencyBulletin bulletin) => $"{bulletin.Month} 重点项目审批效能通报";

    /// <param name="chartSrc">Where the HTML finds the chart: <c>cid:</c> in a mail, a file name in the archive.</param>
    public static RenderedMail Render(EfficiencyBulletin bulletin, Func<string, string> departmentName, string chartSrc)
    {
        var t = bulletin.Total;
        var model = new
        {
            bulletin.Month,
            From = IsoDate.Format(bulletin.From),
            MinFinished = bulletin.RankMinFinished,
            To = IsoDate.Format(bulletin.To),
            Provisional = bulletin.Provisional ? "暂定：本月所在年份的放假通知尚未发布，工作日按法定节假日推算（不含调休），通知发布后重新计算。" : null,
            Totals = new[]
            {
                new[] { "办结件数", $"{t.Finished}" },
                new[] { "按时办结率", Pct(t.OnTimeRate) },
                new[] { "提前办结", $"{t.Early}" },
                new[] { "平均用时 / 平均时限（工作日）", $"{Num(t.AverageUsedDays)} / {Num(t.AverageLimitDays)}" },
                new[] { "黄灯 / 红灯（件）", $"{t.Yellow} / {t.Red}" },
                new[] { "超期工作日合计", $"{t.OverdueWorkingDays}" },
                new[] { "确认用时中位数（工作日）", Num(t.MedianAckWorkingDays) },
                new[] { "督办单 收到 / 按时回告", $"{t.NoticesReceived} / {t.NoticesAnsweredOnTime}" },
                new[] { "领导一键督办 / 回告退回重报", $"{t.NoticesFromLeaders} / {t.RepliesSentBack}" },
                new[] { "问题 签收 / 销号", $"{t.ProblemsSigned} / {t.ProblemsClosed}" },
                new[] { "视为受理 / 容缺、告知承诺逾期（件）", $"{t.DeemedAccepted} / {t.ReformClocksLate}" },
            },
            Sections = new[]
            {
                Section("部门排名", bulletin.Departments, r => departmentName(r.Key), department: true),
                Section("经办人排名", bulletin.Handlers, r => $"{r.Name}（{departmentName(r.Department)}）", department: false),
            },
        };
        var context = new TemplateContext(Options);
        context.SetValue("subject", Subject(bulletin));
        context.SetValue("signature", Words.Of(Domain.Staff.Language.Chinese)["digest.signature"]);
        context.SetValue("chart", chartSrc);
        context.SetValue("m", model);
        return new RenderedMail(
            Subject(bulletin),
            Templates["bulletin.txt"].Render(context, NullEncoder.Default),
            Templates["bulletin.html"].Render(context, Html)
        );
    }

    private static object Section(string title, IReadOnlyList<RankedRow> rows, Func<RankedRow, string> name, bool department) =>
        new
        {
            Title = title,
            Header = new[] { "排名", "变化", "名称", "办结", "按时", "提前", "按时率", "用时/时限", "黄灯", "红灯", "超期工作日", "确认中位数" }
                .Concat(department ? ["督办单/按时回告", "签收/销号问题"] : Array.Empty<string>())
                .ToArray(),
            Rows = rows.Select(r =>
                {
                    var f = r.Figures;
                    return new
                    {
                        Color = r.Rank == 0 ? "#fff"
                        : f.OnTimeRate < 0.7m ? "#fde8e8"
                        : f.OnTimeRate < 0.9m ? "#fff6d6"
                        : "#fff",
                        Cells = new[]
                        {
                            r.Rank > 0 ? $"{r.Rank}" : "—",
                            Change(r.RankChange),
                            name(r),
                            $"{f.Finished}",
                            $"{f.OnTime}",
                            $"{f.Early}",
                            Pct(f.OnTimeRate),
                            $"{Num(f.AverageUsedDays)}/{Num(f.AverageLimitDays)}",
                            $"{f.Yellow}",
                            $"{f.Red}",
                            $"{f.OverdueWorkingDays}",
                            Num(f.MedianAckWorkingDays),
                        }
                            .Concat(
                                department
                                    ? [$"{f.NoticesReceived}/{f.NoticesAnsweredOnTime}", $"{f.ProblemsSigned}/{f.ProblemsClosed}"]
                                    : Array.Empty<string>()
                            )
                            .ToArray(),
                    };
                })
                .ToArray(),
        };

    private static string Change(int? change) =>
        change switch
        {
            null => "—",
            > 0 => $"↑{change}",
            < 0 => $"↓{-change}",
            _ => "—",
        };

    private static string Pct(decimal? rate) => rate is { } r ? (r * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";

    private static string Num(decimal? n) => n is { } v ? v.ToString("0.#", CultureInfo.InvariantCulture) : "—";
}
