using System.Text;
using System.Text.Json;
using ApprovalWatch.Domain.Calendar;
using ApprovalWatch.Domain.Catalogue;
using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Domain.Scanning;
using ApprovalWatch.Domain.Text;
using ApprovalWatch.Domain.Weekly;
using ApprovalWatch.Pipeline.KeyProjects;
using ApprovalWatch.Pipeline.Scanning;
using ApprovalWatch.Pipeline.Storage;
using ApprovalWatch.Presentation.Weekly;
using Azure.Data.Tables;

namespace ApprovalWatch.Pipeline.Web;

/// <summary>
/// <c>GET /board</c>: red / yellow / green procedures as a county × department table (from the counts the last
/// scan recorded, not a scan per request), the red projects with their reasons and the headline of the latest
/// weekly report, the date of the last scan and of each department's last file.
/// </summary>
public sealed class BoardPage(StorageAccount storage, ScanLog scans, WeeklyReports weekly, TimeProvider time)
{
    private const int LedgerDays = 92;

    public sealed record Cell(string County, string Department, int Red, int Yellow, int Green);

    public sealed record DepartmentFile(string Department, string? File, DateTimeOffset? At, bool ThisWeek);

    public sealed record Model(string? LastScan, IReadOnlyList<string> Counties, IReadOnlyList<string> Departments, IReadOnlyList<Cell> Cells, Headline? Headline, string? Week, IReadOnlyList<ProjectLight> RedProjects, IReadOnlyList<DepartmentFile> Files);

    /// <summary>The last scan's day and its counts by county and department, as far as the viewer may see them.</summary>
    public async Task<(string? Day, List<Cell> Cells)> CellsAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        var scan = await scans.LatestAsync(cancellationToken);
        var cells = (scan?.Cells is { } json ? JsonSerializer.Deserialize<Dictionary<string, Dictionary<Flag, int>>>(json, StorageJson.Compact) : null) ?? [];
        return (scan?.RowKey, cells.Select(c => (Key: c.Key.Split('|'), Counts: c.Value))
            .Where(c => c.Key.Length == 2 && viewer.MaySee(c.Key[1]))
            .Select(c => new Cell(c.Key[0], c.Key[1], c.Counts.GetValueOrDefault(Flag.Red), c.Counts.GetValueOrDefault(Flag.Yellow), c.Counts.GetValueOrDefault(Flag.Green)))
            .ToList());
    }

    public async Task<Model> LoadAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        var (day, parsed) = await CellsAsync(viewer, cancellationToken);
        var report = await weekly.LatestAsync(cancellationToken);
        var monday = ReportWeek.Of(OfficeClock.Today(time)).Monday;
        var files = new Dictionary<string, DepartmentFile>(StringComparer.Ordinal);
        // The ledger keeps every file ever applied: the board reads the last quarter's.
        var recent = TableClient.CreateQueryFilter($"AppliedAt ge {time.GetUtcNow().AddDays(-LedgerDays)}");
        await foreach (var row in storage.SubmissionLedger.QueryAsync<SubmissionRecordEntity>(recent, select: ["PartitionKey", nameof(SubmissionRecordEntity.BlobName), nameof(SubmissionRecordEntity.AppliedAt)], cancellationToken: cancellationToken))
        {
            if (!files.TryGetValue(row.PartitionKey, out var known) || known.At < row.AppliedAt)
            {
                files[row.PartitionKey] = new DepartmentFile(row.PartitionKey, row.BlobName, row.AppliedAt, OfficeClock.DateOf(row.AppliedAt) >= monday);
            }
        }

        var departments = Department.All.Select(d => d.Id).Where(viewer.MaySee).ToList();
        return new Model(
            day,
            parsed.Select(c => c.County).Distinct().Order(StringComparer.Ordinal).ToList(),
            departments,
            parsed,
            report?.Headline,
            report?.Week,
            report?.Lights.Where(l => l.Light == WeeklyCalculator.Red && viewer.MaySee(l.Unit)).ToList() ?? [],
            departments.Select(d => files.GetValueOrDefault(d) ?? new DepartmentFile(d, null, null, false)).ToList());
    }

    public static string Render(Model model, Page page, Viewer viewer)
    {
        var html = new StringBuilder();
        html.Append($"<p class=\"muted\">{page.T("最近一次扫描", "Last scan")}: {Page.H(model.LastScan ?? page.T("尚无", "none yet"))}</p>");
        if (model.Headline is { } h)
        {
            html.Append($"""
                <h2>{page.T("周调度", "Weekly scheduling")} {Page.H(model.Week)}</h2>
                <div class="cards">
                <div class="card">{page.T("在库项目", "Projects")}<b>{h.Projects}</b></div>
                <div class="card">{page.T("计划投资（亿元）", "Planned (亿元)")}<b>{WeeklyView.Yi(h.PlannedWan)}</b></div>
                <div class="card">{page.T("已完成（亿元）", "Completed (亿元)")}<b>{WeeklyView.Yi(h.CompletedWan)}</b></div>
                <div class="card">{page.T("完成率", "Completion")}<b>{WeeklyView.Pct(h.CompletionRate)}</b></div>
                <div class="card">{page.T("序时进度", "Pace")}<b>{WeeklyView.Pct(h.Pace)}</b></div>
                </div>
                """);
        }

        html.Append($"<h2>{page.T("审批事项：县市 × 部门", "Procedures: county × department")}</h2>");
        var rows = model.Counties.Select(county => ((IReadOnlyList<string>)[Page.H(county), .. model.Departments.Select(d => CellHtml(model.Cells.FirstOrDefault(c => c.County == county && c.Department == d), county, d, page))], ""));
        html.Append(page.Table([page.T("县市", "County"), .. model.Departments.Select(page.Department)], rows));
        html.Append($"<p class=\"muted\">{page.T("单元格：红 / 黄 / 绿；点击查看清单。", "Each cell: red / yellow / green; follow it for the list.")}</p>");

        html.Append($"<h2>{page.T("红灯项目", "Red projects")}</h2>");
        html.Append(model.RedProjects.Count == 0
            ? $"<p class=\"muted\">{page.T("无", "None")}</p>"
            : page.Table(
                [page.T("项目", "Project"), page.T("县市", "County"), page.T("包联领导", "Leader in charge"), page.T("原因", "Why")],
                model.RedProjects.Select(p => ((IReadOnlyList<string>)[$"<a href=\"/projects/{Uri.EscapeDataString(p.Code)}\">{Page.H(p.Name)}</a><br><span class=\"muted\">{Page.H(p.Code)}</span>", Page.H(p.County), Page.H(p.Leader), Page.H(string.Join("; ", p.Reasons))], "red"))));

        html.Append($"<h2>{page.T("各部门报送", "Department files")}</h2>");
        html.Append(page.Table(
            [page.T("部门", "Department"), page.T("最近文件", "Last file"), page.T("时间", "When"), page.T("本周", "This week")],
            model.Files.Select(f => ((IReadOnlyList<string>)[Page.H(page.Department(f.Department)), Page.H(f.File ?? "—"), Page.H(f.At is { } at ? $"{IsoDate.Format(OfficeClock.DateOf(at))}" : "—"), f.ThisWeek ? page.T("已报送", "reported") : $"<strong>{page.T("本周未报送", "not reported this week")}</strong>"], f.ThisWeek ? "" : "yellow"))));
        return page.Render(page.T("重点项目看板", "Key projects board"), viewer, html.ToString());
    }

    private static string CellHtml(Cell? cell, string county, string department, Page page)
    {
        if (cell is null)
        {
            return "<span class=\"muted\">—</span>";
        }

        string Link(string flag, int count) => $"<a href=\"{Page.H(Page.Url("/procedures", [("county", county), ("department", department), ("flag", flag)]))}\">{count}</a>";
        var css = cell.Red > 0 ? "red" : cell.Yellow > 0 ? "yellow" : "green";
        return $"<div class=\"{css}\" style=\"padding:2px\">{Link("red", cell.Red)} / {Link("yellow", cell.Yellow)} / {Link("green", cell.Green)}</div>";
    }
}
