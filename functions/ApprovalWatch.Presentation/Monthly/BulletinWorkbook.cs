using ApprovalWatch.Domain.Monthly;
using ApprovalWatch.Presentation.Weekly;
using SpreadCheetah;
using SpreadCheetah.Styling;

namespace ApprovalWatch.Presentation.Monthly;

/// <summary>The bulletin's workbook (SpreadCheetah): a sheet of departments and one of handlers, numbers as numbers.</summary>
public static class BulletinWorkbook
{
    /// <summary>The name the workbook of a month is attached under.</summary>
    public static string FileName(string month) => $"{month} 效能通报.xlsx";

    public const string DepartmentSheet = "部门";
    public const string HandlerSheet = "经办人";

    public static readonly string[] Header =
    [
        "排名", "排名变化", "名称", "部门", "办结件数", "按时办结", "提前办结", "按时办结率", "平均用时（工作日）", "平均时限（工作日）",
        "黄灯", "红灯", "超期工作日合计", "确认用时中位数（工作日）", "收到督办单", "按时回告", "签收问题", "销号问题",
    ];

    public static async Task<byte[]> WriteAsync(EfficiencyBulletin bulletin, Func<string, string> departmentName, CancellationToken cancellationToken = default)
    {
        using var output = new MemoryStream();
        await using (var workbook = await Spreadsheet.CreateNewAsync(output, cancellationToken: cancellationToken))
        {
            var bold = workbook.AddStyle(new Style { Font = { Bold = true }, Fill = { Color = System.Drawing.Color.FromArgb(0xF0, 0xF4, 0xF8) } });
            var rate = workbook.AddStyle(new Style { Format = NumberFormat.Custom("0.0%") });
            WeeklyWorkbook.Value Text(string text) => new(text, new Cell(text));
            WeeklyWorkbook.Value Number(decimal? n, StyleId? style = null) =>
                n is { } v ? new($"{v}", style is { } s ? new Cell(v, s) : new Cell(v)) : Text("—");
            IEnumerable<WeeklyWorkbook.Value[]> Rows(IEnumerable<RankedRow> rows, bool department) =>
                rows.Select(r =>
                {
                    var f = r.Figures;
                    return new[]
                    {
                        r.Rank > 0 ? Number(r.Rank) : Text("—"),
                        Number(r.RankChange),
                        Text(department ? departmentName(r.Key) : r.Name),
                        Text(departmentName(r.Department)),
                        Number(f.Finished),
                        Number(f.OnTime),
                        Number(f.Early),
                        Number(f.OnTimeRate, rate),
                        Number(f.AverageUsedDays),
                        Number(f.AverageLimitDays),
                        Number(f.Yellow),
                        Number(f.Red),
                        Number(f.OverdueWorkingDays),
                        Number(f.MedianAckWorkingDays),
                        department ? Number(f.NoticesReceived) : Text("—"),
                        department ? Number(f.NoticesAnsweredOnTime) : Text("—"),
                        department ? Number(f.ProblemsSigned) : Text("—"),
                        department ? Number(f.ProblemsClosed) : Text("—"),
                    };
                });
            await WeeklyWorkbook.SheetAsync(workbook, DepartmentSheet, Header, Rows(bulletin.Departments, department: true), bold, cancellationToken);
            await WeeklyWorkbook.SheetAsync(workbook, HandlerSheet, Header, Rows(bulletin.Handlers, department: false), bold, cancellationToken);
            await workbook.FinishAsync(cancellationToken);
        }

        return output.ToArray();
    }
}
