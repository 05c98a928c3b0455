using System.Globalization;
using ApprovalWatch.Domain.Catalogue;
using ApprovalWatch.Domain.Projects;
using ApprovalWatch.Domain.Staff;
using ApprovalWatch.Domain.Text;
using ApprovalWatch.Domain.Weekly;

namespace ApprovalWatch.Presentation.Weekly;

/// <summary>A table of the report: headers, rows of text, and a light per row (for its colour) where it has one.</summary>
public sealed record ViewTable(IReadOnlyList<string> Headers, IReadOnlyList<ViewRow> Rows);

public sealed record ViewRow(IReadOnlyList<string> Cells, string Light = "");

public sealed record ViewSection(string Title, IReadOnlyList<string> Paragraphs, IReadOnlyList<ViewTable> Tables, IReadOnlyList<ViewImage> Images);

public sealed record ViewImage(string Source, string Alt);

/// <summary>The weekly report as a reader sees it, in Chinese or English: every figure formatted, in sections of paragraphs, charts and tables.</summary>
public sealed record WeeklyView(string Subject, string Title, string Intro, IReadOnlyList<ViewSection> Sections)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <param name="image">Where a chart's image is found, by its name (a content id in a mail, a file beside the archived page).</param>
    public static WeeklyView Of(WeeklyReport report, Language language, Func<string, string> image)
    {
        var zh = language != Language.English;
        string T(string chinese, string english) => zh ? chinese : english;
        string Dept(string id) => Department.Find(id) is { } d ? (zh ? d.ChineseName : d.EnglishName) : id;
        string County(string name) => zh ? name : Counties.English(name);
        var h = report.Headline;
        var natures = string.Join(zh ? "、" : ", ", h.ByNature.Select(n => $"{(zh ? ProjectNatures.FromCode(n.Key).ChineseName() : n.Key.Replace('_', ' '))} {n.Value}"));
        var ahead = h.GapPoints >= 0;
        var sections = new List<ViewSection>
        {
            new(T("总体情况", "Headline"),
            [
                zh
                    ? $"在库重点项目 {h.Projects} 个（{natures}）；年度计划投资 {Yi(h.PlannedWan)} 亿元，已完成 {Yi(h.CompletedWan)} 亿元，完成率 {Pct(h.CompletionRate)}，序时进度 {Pct(h.Pace)}（{PaceRule.Describe(h.PaceRule, true)}），{(ahead ? "快于" : "慢于")}序时进度 {Math.Abs(h.GapPoints).ToString("0.00", Invariant)} 个百分点。"
                    : $"{h.Projects} key projects in the register ({natures}); planned investment this year {Yi(h.PlannedWan)} 亿元 (100 million yuan), completed {Yi(h.CompletedWan)} 亿元: {Pct(h.CompletionRate)} against a pace of {Pct(h.Pace)} ({PaceRule.Describe(h.PaceRule, false)}), {Math.Abs(h.GapPoints).ToString("0.00", Invariant)} points {(ahead ? "ahead of" : "behind")} pace.",
                zh
                    ? $"项目红黄灯：红灯 {report.Count(WeeklyCalculator.Red)} 个，黄灯 {report.Count(WeeklyCalculator.Yellow)} 个，绿灯 {report.Count(WeeklyCalculator.Green)} 个。"
                    : $"Project lights: {report.Count(WeeklyCalculator.Red)} red, {report.Count(WeeklyCalculator.Yellow)} yellow, {report.Count(WeeklyCalculator.Green)} green.",
            ],
            report.Changes is { } c
                ? [new ViewTable([T("指标", "Figure"), T($"较上周（{c.Since}）", $"Since last week ({c.Since})")],
                [
                    new([T("完成投资", "Completed investment"), $"{Signed(c.CompletedWan / 10_000m)} {T("亿元", "亿元")}"]),
                    new([T("完成率", "Completion rate"), $"{Signed(c.CompletionPoints)} {T("个百分点", "points")}"]),
                    new([T("与序时进度之差", "Gap to pace"), $"{Signed(c.GapPoints)} {T("个百分点", "points")}"]),
                    new([T("开工率", "New-start rate"), $"{Signed(c.StartRatePoints)} {T("个百分点", "points")}"]),
                    new([T("储备转化率", "Reserve conversion"), $"{Signed(c.ConversionRatePoints)} {T("个百分点", "points")}"]),
                    new([T("本年按时办结率", "On-time rate this year"), c.OnTimeYearPoints is { } p ? $"{Signed(p)} {T("个百分点", "points")}" : "—"]),
                    new([T("红灯项目", "Red projects"), Signed(c.Red)]),
                    new([T("黄灯项目", "Yellow projects"), Signed(c.Yellow)]),
                    new([T("未销号问题", "Open problems"), Signed(c.OpenProblems)]),
                    new([T("转为红灯", "Turned red"), c.TurnedRed.Count == 0 ? "—" : string.Join(", ", c.TurnedRed)]),
                    new([T("转为绿灯", "Turned green"), c.TurnedGreen.Count == 0 ? "—" : string.Join(", ", c.TurnedGreen)]),
                ])]
                : [],
            [new ViewImage(image(WeeklyCharts.CountyChart), T("各县市完成率与序时进度", "Completion against pace by county")), new ViewImage(image(WeeklyCharts.TrendChart), T("近几周完成率、序时进度与开工率", "Completion, pace and start rate over the last weeks"))]),
        };

        var s = report.Starts;
        sections.Add(new ViewSection(T("新开工与储备转化", "New starts and reserve conversion"),
        [
            zh ? $"计划本月底前开工 {s.PlannedByNow} 个，已开工 {s.Started} 个，开工率 {Pct(s.StartRate)}。" : $"{s.PlannedByNow} projects planned to start by the end of this month, {s.Started} started: a new-start rate of {Pct(s.StartRate)}.",
            zh ? $"年初储备项目 {s.ReserveAtYearStart} 个，本年转为新开工 {s.Converted} 个，储备转化率 {Pct(s.ConversionRate)}。" : $"{s.ReserveAtYearStart} reserve projects at the start of the year, {s.Converted} became new starts this year: a conversion rate of {Pct(s.ConversionRate)}.",
        ],
        [
            new ViewTable([T("未按计划开工的项目", "Not started as planned"), T("县市", "County"), T("包联领导", "Leader in charge"), T("计划开工", "Planned start")],
                s.NotStarted.Select(p => new ViewRow([$"{p.Name} {p.Code}", County(p.County), p.Leader, p.Note], WeeklyCalculator.Yellow)).ToList()),
        ], []));

        var pr = report.Procedures;
        sections.Add(new ViewSection(T("审批事项", "Approval procedures"),
        [
            zh ? $"本周办结 {pr.FinishedThisWeek} 件，按时 {pr.OnTimeThisWeek} 件，按时办结率 {PctOrDash(pr.OnTimeRateWeek)}；本年办结 {pr.FinishedThisYear} 件，按时 {pr.OnTimeThisYear} 件，按时办结率 {PctOrDash(pr.OnTimeRateYear)}。"
               : $"Finished this week: {pr.FinishedThisWeek}, {pr.OnTimeThisWeek} on time ({PctOrDash(pr.OnTimeRateWeek)}); this year: {pr.FinishedThisYear}, {pr.OnTimeThisYear} on time ({PctOrDash(pr.OnTimeRateYear)}).",
        ],
        [
            new ViewTable([T("部门", "Department"), T("黄灯", "Yellow"), T("红灯", "Red")], pr.ByDepartment.Select(o => new ViewRow([Dept(o.Name), $"{o.Yellow}", $"{o.Red}"], o.Red > 0 ? WeeklyCalculator.Red : o.Yellow > 0 ? WeeklyCalculator.Yellow : "")).ToList()),
            new ViewTable([T("县市", "County"), T("黄灯", "Yellow"), T("红灯", "Red")], pr.ByCounty.Select(o => new ViewRow([County(o.Name), $"{o.Yellow}", $"{o.Red}"], o.Red > 0 ? WeeklyCalculator.Red : o.Yellow > 0 ? WeeklyCalculator.Yellow : "")).ToList()),
            new ViewTable([T("超期最久的十件", "The ten longest overdue"), T("部门", "Department"), T("经办人", "Handler"), T("应办结", "Due"), T("超期（工作日）", "Overdue (working days)")],
                pr.Worst.Select(w => new ViewRow([$"{w.ProjectName} {w.Procedure}", Dept(w.Department), w.Handler, Date(w.DueOn), $"{w.WorkingDaysOverdue}"], WeeklyCalculator.Red)).ToList()),
        ], []));

        var pb = report.Problems;
        sections.Add(new ViewSection(T("问题清单", "Problem list"),
        [
            zh ? $"本周新增问题 {pb.OpenedThisWeek} 个，销号 {pb.SolvedThisWeek} 个；未销号 {pb.Open} 个，其中超期 {pb.Overdue} 个。" : $"This week {pb.OpenedThisWeek} problems raised and {pb.SolvedThisWeek} closed; {pb.Open} open, {pb.Overdue} of them overdue.",
        ],
        [
            new ViewTable([T("责任部门", "Department"), T("本周新增", "Raised"), T("本周销号", "Closed"), T("未销号", "Open"), T("超期", "Overdue")],
                pb.ByDepartment.Select(d => new ViewRow([Dept(d.Department), $"{d.Opened}", $"{d.Solved}", $"{d.Open}", $"{d.Overdue}"], d.Overdue > 0 ? WeeklyCalculator.Red : "")).ToList()),
            new ViewTable([T("超期问题", "Overdue problems"), T("责任部门", "Department"), T("提出", "Raised"), T("应解决", "Due"), T("超期（工作日）", "Overdue (working days)")],
                pb.OverdueList.Select(p => new ViewRow([$"{p.ProjectName}：{p.Text}（{p.Id}）", Dept(p.Department), Date(p.RaisedOn), Date(p.DueOn), $"{-p.WorkingDaysLeft}"], WeeklyCalculator.Red)).ToList()),
        ], []));

        sections.Add(new ViewSection(T("红灯项目", "Red projects"), [],
        [
            new ViewTable([T("项目", "Project"), T("县市", "County"), T("包联领导", "Leader in charge"), T("责任单位", "Responsible unit"), T("完成率", "Completion"), T("原因", "Why")],
                report.Lights.Where(l => l.Light == WeeklyCalculator.Red).Select(l => new ViewRow([$"{l.Name} {l.Code}", County(l.County), l.Leader, Dept(l.Unit), PctOrDash(l.CompletionRate), string.Join("; ", l.Reasons)], WeeklyCalculator.Red)).ToList()),
        ], []));

        ViewTable Ranking(string name, IReadOnlyList<AreaRank> ranks, Func<string, string> label) => new(
            [T("名次", "Rank"), name, T("计划（亿元）", "Plan (亿元)"), T("完成（亿元）", "Done (亿元)"), T("完成率", "Completion"), T("按时办结率", "On time"), T("红灯项目", "Red projects")],
            ranks.Select(r => new ViewRow([$"{r.Rank}", label(r.Name), Yi(r.PlannedWan), Yi(r.CompletedWan), PctOrDash(r.CompletionRate), PctOrDash(r.OnTimeRate), $"{r.Red}"])).ToList());
        sections.Add(new ViewSection(T("县市和部门排名", "Counties and departments ranked"), [], [Ranking(T("县市", "County"), report.Counties, County), Ranking(T("责任单位", "Responsible unit"), report.Departments, Dept)], []));

        if (report.Lowered.Count > 0)
        {
            sections.Add(new ViewSection(T("待核实：本年完成投资调减", "To check: year-to-date figures lowered"), [],
            [
                new ViewTable([T("项目", "Project"), T("报送日期", "Reported"), T("调减后（万元）", "Now (万元)"), T("调减前（万元）", "Before (万元)")],
                    report.Lowered.Select(l => new ViewRow([$"{l.ProjectName} {l.ProjectCode}", Date(l.ReportedOn), Wan(l.YearToDate), Wan(l.Before)], WeeklyCalculator.Yellow)).ToList()),
            ], []));
        }

        var subject = zh
            ? $"克州重点项目周调度 {report.Week}：完成 {Yi(h.CompletedWan)} 亿元（{Pct(h.CompletionRate)}），红灯 {report.Count(WeeklyCalculator.Red)} 个"
            : $"Key projects, week {report.Week}: {Yi(h.CompletedWan)} 亿元 done ({Pct(h.CompletionRate)}), {report.Count(WeeklyCalculator.Red)} red";
        var intro = zh ? $"数据截至 {Date(report.AsOf)}（本周：{Date(report.From)} 至 {Date(report.AsOf)}）。附件为任务清单、责任清单、时限清单。" : $"Figures as of {Date(report.AsOf)} (this week: {Date(report.From)} to {Date(report.AsOf)}). The attached workbook holds the task, responsibility and time-limit lists.";
        return new WeeklyView(subject, zh ? $"重点项目周调度报告 {report.Week}" : $"Weekly scheduling report {report.Week}", intro, sections);
    }

    public static string Yi(decimal wan) => (wan / 10_000m).ToString("0.00", Invariant);

    public static string Wan(decimal wan) => wan.ToString("#,0.##", Invariant);

    public static string Pct(decimal fraction) => (fraction * 100).ToString("0.00", Invariant) + "%";

    private static string PctOrDash(decimal? fraction) => fraction is { } f ? Pct(f) : "—";

    private static string Signed(decimal value) => (value > 0 ? "+" : "") + value.ToString("0.00", Invariant);

    private static string Signed(int value) => (value > 0 ? "+" : "") + value.ToString(Invariant);

    private static string Date(DateOnly date) => IsoDate.Format(date);
}
