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
/// charge, responsible unit) and the time-limit list (due dates, working days left), the meeting by leader in charge
/// and the projects below pace, the data checks, the supervision notices — each with a frozen
/// header row, a filter, and columns as wide as their Chinese text.
/// </summary>
public static class WeeklyWorkbook
{
    /// <summary>The name the workbook of a week is attached under.</summary>
    public static string FileName(string week) => $"重点项目周调度-{week}.xlsx";

    public const string SummarySheet = "汇总";
    public const string TaskSheet = "任务清单";
    public const string ResponsibilitySheet = "责任清单";
    public const string TimeLimitSheet = "时限清单";
    public const string LeaderSheet = "包联领导";
    public const string BehindSheet = "低于序时进度";
    public const string CheckSheet = "数据核查";
    public const string NoticeSheet = "督办单";

    public static async Task<byte[]> WriteAsync(WeeklyReport report, WeeklyInputs inputs, CancellationToken cancellationToken = default)
    {
        var items = Items(inputs).ToList();
        var h = report.Headline;
        using var output = new MemoryStream();
        await using (var workbook = await Spreadsheet.CreateNewAsync(output, cancellationToken: cancellationToken))
        {
            // Numbers are numbers, with their formats, so the meeting can sum, sort and filter them.
            var bold = workbook.AddStyle(new Style { Font = { Bold = true }, Fill = { Color = System.Drawing.Color.FromArgb(0xF0, 0xF4, 0xF8) } });
            var yi = workbook.AddStyle(new Style { Format = NumberFormat.Custom("#,##0.00") });
            var rate = workbook.AddStyle(new Style { Format = NumberFormat.Custom("0.00%") });
            var date = workbook.AddStyle(new Style { Format = NumberFormat.Custom("yyyy-mm-dd") });
            Value Text(string text) => new(text, new Cell(text));
            Value Count(int n) => new($"{n}", new Cell(n));
            Value Yi(decimal wan) => new(WeeklyView.Yi(wan), new Cell(Math.Round(wan / 10_000m, 2), yi));
            Value Rate(decimal? fraction) => fraction is { } f ? new(WeeklyView.Pct(f), new Cell(f, rate)) : Text("—");
            Value Day(DateOnly? day) => day is { } d ? new(IsoDate.Format(d), new Cell(d.ToDateTime(TimeOnly.MinValue), date)) : Text("");
            Value Days(int? n) => n is { } v ? Count(v) : Text("");

            List<Value[]> summary =
            [
                [Text("周次"), Text(report.Week)],
                [Text("数据截至"), Day(report.AsOf)],
                [Text("在库项目（个）"), Count(h.Projects)],
                [Text("年度计划投资（亿元）"), Yi(h.PlannedWan)],
                [Text("已完成投资（亿元）"), Yi(h.CompletedWan)],
                [Text("完成率"), Rate(h.CompletionRate)],
                [Text("序时进度"), Rate(h.Pace)],
                [Text("与序时进度之差（百分点）"), new($"{h.GapPoints:0.00}", new Cell(h.GapPoints))],
                [Text("开工率"), Rate(report.Starts.StartRate)],
                [Text("储备转化率"), Rate(report.Starts.ConversionRate)],
                [Text("本年按时办结率"), Rate(report.Procedures.OnTimeRateYear)],
                [Text("红灯项目（个）"), Count(report.Count(WeeklyCalculator.Red))],
                [Text("黄灯项目（个）"), Count(report.Count(WeeklyCalculator.Yellow))],
                [Text("未销号问题（个）"), Count(report.Problems.Open)],
                [Text("超期问题（个）"), Count(report.Problems.Overdue)],
            ];
            await SheetAsync(workbook, SummarySheet, ["指标", "数值"], summary, bold, cancellationToken);
            await SheetAsync(
                workbook,
                TaskSheet,
                ["项目代码", "项目名称", "县市", "类别", "事项", "状态", "说明"],
                items.Select(i => new[] { Text(i.Code), Text(i.Project), Text(i.County), Text(i.Kind), Text(i.What), Text(i.State), Text(i.Note) }),
                bold,
                cancellationToken
            );
            await SheetAsync(
                workbook,
                ResponsibilitySheet,
                ["项目代码", "项目名称", "事项", "责任部门", "经办人", "包联领导", "责任单位"],
                items.Select(i =>
                    new[] { Text(i.Code), Text(i.Project), Text(i.What), Text(i.Department), Text(i.Handler), Text(i.Leader), Text(i.Unit) }
                ),
                bold,
                cancellationToken
            );
            await SheetAsync(
                workbook,
                TimeLimitSheet,
                ["项目代码", "项目名称", "事项", "受理/提出日期", "应办结日期", "剩余工作日（负数为超期）"],
                items.Select(i => new[] { Text(i.Code), Text(i.Project), Text(i.What), Day(i.Start), Day(i.Due), Days(i.Left) }),
                bold,
                cancellationToken
            );
            await SheetAsync(
                workbook,
                LeaderSheet,
                ["包联领导", "项目数", "红灯", "黄灯", "低于序时", "未按期开工", "超期事项", "超期问题", "核查超三周未改"],
                report.Leaders.Select(l =>
                    new[]
                    {
                        Text(l.Leader),
                        Count(l.Projects),
                        Count(l.Red),
                        Count(l.Yellow),
                        Count(l.BehindPace),
                        Count(l.MissedStarts),
                        Count(l.OverdueProcedures),
                        Count(l.OverdueProblems),
                        Count(l.StaleChecks),
                    }
                ),
                bold,
                cancellationToken
            );
            await SheetAsync(
                workbook,
                BehindSheet,
                ["项目代码", "项目名称", "包联领导", "完成率", "差距（百分点）"],
                report.BehindPace.Select(b =>
                    new[]
                    {
                        Text(b.Code),
                        Text(b.Name),
                        Text(b.Leader),
                        Rate(b.CompletionRate),
                        new Value($"{b.GapPoints:0.00}", new Cell(b.GapPoints)),
                    }
                ),
                bold,
                cancellationToken
            );
            await SheetAsync(
                workbook,
                CheckSheet,
                ["项目代码", "项目名称", "核查事项", "自", "责任部门"],
                report.DataChecks.Select(c =>
                    new[]
                    {
                        Text(c.ProjectCode),
                        Text(c.ProjectName),
                        Text(CheckText.Say(c, Words.Chinese, report.ProcedureNames)),
                        Day(c.Since),
                        Text(Department.Find(c.Department)?.ChineseName ?? c.Department),
                    }
                ),
                bold,
                cancellationToken
            );
            await SheetAsync(
                workbook,
                NoticeSheet,
                ["编号", "被督办单位", "项目与事项", "签发日期", "回告期限", "回告日期", "报分管领导日期", "状态"],
                report.Notices.Select(n =>
                    new[]
                    {
                        Text(n.Number),
                        Text(Department.Find(n.Department)?.ChineseName ?? n.Department),
                        Text($"{n.ProjectName}：{n.Item}"),
                        Day(n.IssuedOn),
                        Day(n.ReplyBy),
                        Day(n.RepliedOn),
                        Day(n.ClimbedOn),
                        Text(
                            n.State switch
                            {
                                Domain.Notices.NoticeState.Replied => "已回告",
                                Domain.Notices.NoticeState.RepliedLate => "逾期回告",
                                Domain.Notices.NoticeState.ReplyOverdue => "逾期未回告",
                                _ => "待回告",
                            }
                        ),
                    }
                ),
                bold,
                cancellationToken
            );
            await workbook.FinishAsync(cancellationToken);
        }

        return output.ToArray();
    }

    /// <summary>A cell and the text it shows (for the column's width).</summary>
    internal readonly record struct Value(string Shown, Cell Cell);

    private sealed record Item(
        string Code,
        string Project,
        string County,
        string Kind,
        string What,
        string State,
        string Note,
        string Department,
        string Handler,
        string Leader,
        string Unit,
        DateOnly Start,
        DateOnly? Due,
        int? Left
    );

    private static IEnumerable<Item> Items(WeeklyInputs inputs)
    {
        var asOf = inputs.Week.AsOf;
        var projects = inputs.Projects.ToDictionary(p => p.Code, StringComparer.Ordinal);
        string Dept(string id) => Department.Find(id)?.ChineseName ?? id;
        int Left(DateOnly due) => Domain.Deadlines.Assessment.Left(inputs.Calendar, asOf, due);
        string Leader(RegisteredProject? r) => r is null ? "" : inputs.Name(r.LeaderEmail);
        string Unit(RegisteredProject? r) => r is null ? "" : Dept(r.ResponsibleUnit);

        var procedures = inputs
            .Procedures.Where(p => p.CompletedOn is null)
            .Select(p =>
            {
                var r = projects.GetValueOrDefault(p.ProjectCode);
                var state = p.Flag switch
                {
                    Domain.Deadlines.Flag.Red => "超期",
                    Domain.Deadlines.Flag.Yellow => "预警",
                    Domain.Deadlines.Flag.Paused => "暂停",
                    _ => "办理中",
                };
                return (
                    Order: p.ProcedureCode,
                    Item: new Item(
                        p.ProjectCode,
                        r?.Name ?? p.ProjectName,
                        r?.County ?? p.County,
                        "审批事项",
                        p.ProcedureCode,
                        state,
                        "",
                        Dept(p.Department),
                        inputs.Name(p.HandlerEmail),
                        Leader(r),
                        Unit(r),
                        p.AcceptedOn,
                        p.DueOn,
                        p.DueOn is { } due ? Left(due) : null
                    )
                );
            });
        var problems = inputs
            .Problems.Where(p => p.IsOpenOn(asOf))
            .Select(p =>
            {
                var r = projects.GetValueOrDefault(p.ProjectCode);
                return (
                    Order: "问题 " + p.Id,
                    Item: new Item(
                        p.ProjectCode,
                        r?.Name ?? p.ProjectCode,
                        r?.County ?? "",
                        "问题",
                        $"{p.Id} {p.Text}",
                        p.IsOverdueOn(asOf) ? "超期" : "未销号",
                        "",
                        Dept(p.Department),
                        "",
                        Leader(r),
                        Unit(r),
                        p.RaisedOn,
                        p.DueOn,
                        Left(p.DueOn)
                    )
                );
            });
        // A reform clock still running is a task of its own: the missing materials (容缺受理) or the commitment's check (告知承诺制).
        var reforms = inputs.Procedures.SelectMany(p =>
            p.ReformDays.Where(r => r.Done is null)
                .Select(r =>
                {
                    var registered = projects.GetValueOrDefault(p.ProjectCode);
                    var (kind, what) = r.Clock == Domain.Deadlines.ReformClock.Commitment
                        ? ("告知承诺核查", "核查承诺")
                        : ("容缺受理", "补齐容缺材料");
                    var left = Left(r.Due);
                    return (
                        Order: $"{p.ProcedureCode} {kind}",
                        Item: new Item(
                            p.ProjectCode,
                            registered?.Name ?? p.ProjectName,
                            registered?.County ?? p.County,
                            kind,
                            $"{p.ProcedureCode} {what}",
                            left < 0 ? "超期" : "办理中",
                            "",
                            Dept(p.Department),
                            inputs.Name(p.HandlerEmail),
                            Leader(registered),
                            Unit(registered),
                            p.AcceptedOn,
                            r.Due,
                            left
                        )
                    );
                })
        );
        return procedures
            .Concat(reforms)
            .Concat(problems)
            .OrderBy(i => i.Item.Code, StringComparer.Ordinal)
            .ThenBy(i => i.Order, StringComparer.Ordinal)
            .Select(i => i.Item);
    }

    internal static async Task SheetAsync(
        Spreadsheet workbook,
        string name,
        string[] header,
        IEnumerable<Value[]> rows,
        StyleId bold,
        CancellationToken cancellationToken
    )
    {
        var all = rows.ToList();
        var options = new WorksheetOptions { FrozenRows = 1 };
        for (var c = 0; c < header.Length; c++)
        {
            options.Column(c + 1).Width = Math.Clamp(all.Select(r => Width(r[c].Shown)).Append(Width(header[c])).Max() + 2, 8, 60);
        }

        options.AutoFilter = new AutoFilterOptions($"A1:{(char)('A' + header.Length - 1)}{all.Count + 1}");
        await workbook.StartWorksheetAsync(name, options, cancellationToken);
        await workbook.AddRowAsync(header.Select(h => new Cell(h, bold)).ToArray(), cancellationToken);
        foreach (var row in all)
        {
            await workbook.AddRowAsync(row.Select(v => v.Cell).ToArray(), cancellationToken);
        }
    }

    /// <summary>A column width that fits the text: a Chinese character takes about two Latin ones.</summary>
    private static double Width(string text) => text.Sum(c => c > 0x2E80 ? 2.1 : 1.1);
}
