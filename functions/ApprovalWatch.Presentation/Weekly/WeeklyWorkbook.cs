using ApprovalWatch.Domain.Catalogue;
using ApprovalWatch.Domain.Projects;
using ApprovalWatch.Domain.Text;
using ApprovalWatch.Domain.Weekly;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace ApprovalWatch.Presentation.Weekly;

/// <summary>
/// The workbook the meeting circulates (SpreadCheetah): a summary sheet and the three lists — the task list
/// (every open procedure and problem per project), the responsibility list (department, handler, leader in
/// charge, responsible unit) and the time-limit list (due dates, working days left) — each with a frozen
/// header row, a filter, and columns as wide as their Chinese text.
/// </summary>
public static class WeeklyWorkbook
{
    public const string SummarySheet = "汇总";
    public const string TaskSheet = "任务清单";
    public const string ResponsibilitySheet = "责任清单";
    public const string TimeLimitSheet = "时限清单";

    public static async Task<byte[]> WriteAsync(WeeklyReport report, WeeklyInputs inputs, CancellationToken cancellationToken = default)
    {
        var items = Items(inputs).ToList();
        var h = report.Headline;
        List<string[]> summary =
        [
            ["周次", report.Week], ["数据截至", $"{IsoDate.Format(report.AsOf)}"], ["在库项目（个）", $"{h.Projects}"],
            ["年度计划投资（亿元）", WeeklyView.Yi(h.PlannedWan)], ["已完成投资（亿元）", WeeklyView.Yi(h.CompletedWan)], ["完成率", WeeklyView.Pct(h.CompletionRate)],
            ["序时进度", WeeklyView.Pct(h.Pace)], ["与序时进度之差（百分点）", $"{h.GapPoints:0.00}"], ["开工率", WeeklyView.Pct(report.Starts.StartRate)],
            ["储备转化率", WeeklyView.Pct(report.Starts.ConversionRate)], ["本年按时办结率", report.Procedures.OnTimeRateYear is { } y ? WeeklyView.Pct(y) : "—"],
            ["红灯项目（个）", $"{report.Count(WeeklyCalculator.Red)}"], ["黄灯项目（个）", $"{report.Count(WeeklyCalculator.Yellow)}"], ["未销号问题（个）", $"{report.Problems.Open}"], ["超期问题（个）", $"{report.Problems.Overdue}"],
        ];
        using var output = new MemoryStream();
        await using (var workbook = await Spreadsheet.CreateNewAsync(output, cancellationToken: cancellationToken))
        {
            var bold = workbook.AddStyle(new Style { Font = { Bold = true }, Fill = { Color = System.Drawing.Color.FromArgb(0xF0, 0xF4, 0xF8) } });
            await SheetAsync(workbook, SummarySheet, ["指标", "数值"], summary, bold, cancellationToken);
            await SheetAsync(workbook, TaskSheet, ["项目代码", "项目名称", "县市", "类别", "事项", "状态", "说明"],
                items.Select(i => new[] { i.Code, i.Project, i.County, i.Kind, i.What, i.State, i.Note }), bold, cancellationToken);
            await SheetAsync(workbook, ResponsibilitySheet, ["项目代码", "项目名称", "事项", "责任部门", "经办人", "包联领导", "责任单位"],
                items.Select(i => new[] { i.Code, i.Project, i.What, i.Department, i.Handler, i.Leader, i.Unit }), bold, cancellationToken);
            await SheetAsync(workbook, TimeLimitSheet, ["项目代码", "项目名称", "事项", "受理/提出日期", "应办结日期", "剩余工作日（负数为超期）"],
                items.Select(i => new[] { i.Code, i.Project, i.What, i.Start, i.Due, i.Left }), bold, cancellationToken);
            await workbook.FinishAsync(cancellationToken);
        }

        return output.ToArray();
    }

    private sealed record Item(string Code, string Project, string County, string Kind, string What, string State, string Note, string Department, string Handler, string Leader, string Unit, string Start, string Due, string Left);

    private static IEnumerable<Item> Items(WeeklyInputs inputs)
    {
        var asOf = inputs.Week.AsOf;
        var projects = inputs.Projects.ToDictionary(p => p.Code, StringComparer.Ordinal);
        string Dept(string id) => Department.Find(id)?.ChineseName ?? id;
        string Left(DateOnly due) => $"{Domain.Deadlines.Assessment.Left(inputs.Calendar, asOf, due)}";
        string Leader(RegisteredProject? r) => r is null ? "" : inputs.Name(r.LeaderEmail);
        string Unit(RegisteredProject? r) => r is null ? "" : Dept(r.ResponsibleUnit);

        var procedures = inputs.Procedures.Where(p => p.CompletedOn is null).Select(p =>
        {
            var r = projects.GetValueOrDefault(p.ProjectCode);
            var state = p.Flag switch { Domain.Deadlines.Flag.Red => "超期", Domain.Deadlines.Flag.Yellow => "预警", Domain.Deadlines.Flag.Paused => "暂停", _ => "办理中" };
            return (Order: p.ProcedureCode, Item: new Item(p.ProjectCode, r?.Name ?? p.ProjectName, r?.County ?? p.County, "审批事项", p.ProcedureCode, state, "", Dept(p.Department),
                inputs.Name(p.HandlerEmail), Leader(r), Unit(r), $"{IsoDate.Format(p.AcceptedOn)}", p.DueOn is { } d ? $"{IsoDate.Format(d)}" : "", p.DueOn is { } due ? Left(due) : ""));
        });
        var problems = inputs.Problems.Where(p => p.IsOpenOn(asOf)).Select(p =>
        {
            var r = projects.GetValueOrDefault(p.ProjectCode);
            return (Order: "问题 " + p.Id, Item: new Item(p.ProjectCode, r?.Name ?? p.ProjectCode, r?.County ?? "", "问题", $"{p.Id} {p.Text}", p.IsOverdueOn(asOf) ? "超期" : "未销号", "",
                Dept(p.Department), "", Leader(r), Unit(r), $"{IsoDate.Format(p.RaisedOn)}", $"{IsoDate.Format(p.DueOn)}", Left(p.DueOn)));
        });
        return procedures.Concat(problems)
            .OrderBy(i => i.Item.Code, StringComparer.Ordinal).ThenBy(i => i.Order, StringComparer.Ordinal)
            .Select(i => i.Item);
    }

    private static async Task SheetAsync(Spreadsheet workbook, string name, string[] header, IEnumerable<string[]> rows, StyleId bold, CancellationToken cancellationToken)
    {
        var all = rows.ToList();
        var options = new WorksheetOptions { FrozenRows = 1 };
        for (var c = 0; c < header.Length; c++)
        {
            options.Column(c + 1).Width = Math.Clamp(all.Select(r => Width(r[c])).Append(Width(header[c])).Max() + 2, 8, 60);
        }

        options.AutoFilter = new AutoFilterOptions($"A1:{(char)('A' + header.Length - 1)}{all.Count + 1}");
        await workbook.StartWorksheetAsync(name, options, cancellationToken);
        await workbook.AddRowAsync(header.Select(h => new Cell(h, bold)).ToArray(), cancellationToken);
        foreach (var row in all)
        {
            await workbook.AddRowAsync(row.Select(v => new Cell(v)).ToArray(), cancellationToken);
        }
    }

    /// <summary>A column width that fits the text: a Chinese character takes about two Latin ones.</summary>
    private static double Width(string text) => text.Sum(c => c > 0x2E80 ? 2.1 : 1.1);
}
