using System.Globalization;
using System.Text;
using ApprovalWatch.Domain.Calendar;
using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Domain.Projects;
using ApprovalWatch.Domain.Reference;
using ApprovalWatch.Domain.Text;
using ApprovalWatch.Pipeline.Reference;
using ApprovalWatch.Pipeline.Storage;
using ApprovalWatch.Presentation.Weekly;

namespace ApprovalWatch.Pipeline.Web;

/// <summary>
/// <c>GET /projects/{code}</c>: one project — its procedures as a timeline (accepted → due → finished, pauses
/// shaded, the promised and statutory limits marked), its stage and whole-process measures, the investment
/// trend and problems, the history of changes (who changed what, from which file, when) and its three lists.
/// Reads the project's partitions only.
/// </summary>
public sealed class ProjectPage(StorageAccount storage, Microsoft.Extensions.Options.IOptions<Scanning.ScanOptions> scan, TimeProvider time)
{
    public sealed record ProcedureView(string Code, string Name, string Department, string Handler, string Status, string? Flag, DateOnly AcceptedOn, DateOnly? DueOn, DateOnly? StatutoryDueOn, DateOnly? CompletedOn, IReadOnlyList<PauseView> Pauses, int LimitDays, int? WorkingDaysLeft, string? AcknowledgedBy, string? PromisedOn);

    /// <summary>A pause of the clock (a record, not a tuple, so that the JSON API shows it).</summary>
    public sealed record PauseView(DateOnly From, DateOnly? To);

    public sealed record MeasureView(string Scope, string StartedOn, string? FinishedOn, int LimitDays, string DueOn, string Flag);

    public sealed record HistoryView(DateTimeOffset At, string Item, string Kind, string? From, string To, string Source);

    /// <param name="OutOfScope">The project is none of the viewer's department's: he sees nothing of it.</param>
    public sealed record Model(string Code, RegisteredProject? Register, string Name, DateOnly Today, IReadOnlyList<ProcedureView> Procedures, IReadOnlyList<MeasureView> Measures, IReadOnlyList<ProgressReport> Progress, IReadOnlyList<ProjectProblem> Problems, IReadOnlyList<HistoryView> History, bool OutOfScope = false);

    public async Task<Model?> LoadAsync(string code, Viewer viewer, ReferenceData reference, CancellationToken cancellationToken)
    {
        var today = OfficeClock.Today(time);
        // The project's partitions are independent: read side by side.
        var procedureRows = storage.Procedures.QueryAsync<ProcedureEntity>(e => e.PartitionKey == code, cancellationToken: cancellationToken).ToListAsync(cancellationToken).AsTask();
        var keyRowsRead = storage.KeyProjects.QueryAsync<KeyProjectEntity>(e => e.PartitionKey == code, cancellationToken: cancellationToken).ToListAsync(cancellationToken).AsTask();
        var (rows, keyRows) = (await procedureRows, await keyRowsRead);
        var register = keyRows.FirstOrDefault(r => r.IsRegister)?.ToProject();
        if (rows.Count == 0 && keyRows.Count == 0)
        {
            return null;
        }

        var measurement = scan.Value.MeasurementOn(today, reference);
        var procedures = rows.Where(r => viewer.MaySee(r.Department)).Select(r =>
        {
            var procedure = r.ToProcedure();
            var entry = reference.Catalogue.Find(procedure.ProcedureCode);
            var assessment = measurement.Assess(procedure);
            return new ProcedureView(r.RowKey, entry is null ? r.RowKey : (viewer.Chinese ? entry.ChineseName : entry.EnglishName), r.Department, reference.Staff.Find(r.HandlerEmail)?.Name ?? r.HandlerEmail, r.Status, r.Flag,
                procedure.AcceptedOn, assessment?.Deadline.DueOn, assessment?.StatutoryDueOn, procedure.CompletedOn, procedure.Pauses.Select(p => new PauseView(p.From, p.To)).ToList(), procedure.LimitDays,
                assessment?.WorkingDaysLeft, r.AckByName, r.PromisedOn);
        }).OrderBy(p => p.AcceptedOn).ThenBy(p => p.Code, StringComparer.Ordinal).ToList();
        if (procedures.Count == 0 && !(register is not null && viewer.MaySee(register.ResponsibleUnit)) && viewer.Department is not null)
        {
            return new Model(code, null, code, today, [], [], [], [], [], OutOfScope: true);
        }

        var measuresRead = storage.Projects.QueryAsync<ProjectMeasureEntity>(e => e.PartitionKey == code, cancellationToken: cancellationToken)
            .Select(m => new MeasureView(m.RowKey, m.StartedOn, m.FinishedOn, m.LimitDays, m.DueOn, m.Flag)).ToListAsync(cancellationToken).AsTask();
        var historyRead = storage.History.QueryAsync<HistoryEntity>(e => e.PartitionKey == code, cancellationToken: cancellationToken)
            .Select(h => new HistoryView(h.At, h.Procedure, h.Kind, h.From, h.To, h.Source)).ToListAsync(cancellationToken).AsTask();
        var (measures, history) = (await measuresRead, await historyRead);
        return new Model(
            code, register, register?.Name ?? rows.FirstOrDefault()?.ProjectName ?? code, today, procedures, measures,
            keyRows.Where(r => r.IsProgress).Select(r => r.ToProgress()).OrderBy(p => p.ReportedOn).ToList(),
            keyRows.Where(r => r.IsProblem).Select(r => r.ToProblem()).Where(p => viewer.MaySee(p.Department)).OrderBy(p => p.RaisedOn).ToList(),
            history.OrderByDescending(h => h.At).Take(200).ToList());
    }

    public static string Render(Model model, Page page, Viewer viewer)
    {
        var html = new StringBuilder();
        if (model.Register is { } r)
        {
            html.Append($"""
                <p>{Page.H(model.Code)} · {Page.H(r.County)} · {Page.H(page.T(r.Nature.ChineseName(), r.Nature.Code().Replace('_', ' ')))} · {page.T("包联领导", "leader in charge")} {Page.H(r.LeaderEmail)} · {page.T("责任单位", "responsible unit")} {Page.H(page.Department(r.ResponsibleUnit))}</p>
                <div class="cards"><div class="card">{page.T("总投资（万元）", "Total (万元)")}<b>{r.TotalInvestment:#,0.##}</b></div><div class="card">{page.T("年度计划（万元）", "Plan this year (万元)")}<b>{r.AnnualPlan:#,0.##}</b></div>
                <div class="card">{page.T("本年完成（万元）", "Done this year (万元)")}<b>{(model.Progress.LastOrDefault(p => p.ReportedOn.Year == model.Today.Year)?.YearToDate ?? 0):#,0.##}</b></div></div>
                """);
        }
        else
        {
            html.Append($"<p>{Page.H(model.Code)}</p>");
        }

        html.Append($"<h2>{page.T("审批事项时间轴", "Procedures over time")}</h2>");
        html.Append(Timeline(model, page));
        html.Append($"<h2>{page.T("阶段与全流程", "Stages and the whole process")}</h2>");
        html.Append(page.Table(
            [page.T("范围", "Scope"), page.T("开始", "Started"), page.T("完成", "Finished"), page.T("时限（工作日）", "Limit (working days)"), page.T("应完成", "Due"), page.T("标识", "Flag")],
            model.Measures.Select(m => ((IReadOnlyList<string>)[Page.H(m.Scope), Page.H(m.StartedOn), Page.H(m.FinishedOn), $"{m.LimitDays}", Page.H(m.DueOn), page.Flag(m.Flag)], m.Flag is "red" or "yellow" ? m.Flag : ""))));
        html.Append($"<h2>{page.T("投资进度", "Investment this year")}</h2>");
        html.Append(InvestmentTrend(model, page));
        html.Append($"<h2>{page.T("问题清单", "Problems")}</h2>");
        html.Append(model.Problems.Count == 0 ? $"<p class=\"muted\">{page.T("无", "None")}</p>" : page.Table(
            [page.T("编号", "Id"), page.T("问题", "Problem"), page.T("责任部门", "Department"), page.T("提出", "Raised"), page.T("应解决", "Due"), page.T("销号", "Closed")],
            model.Problems.Select(p => ((IReadOnlyList<string>)[Page.H(p.Id), Page.H(p.Text), Page.H(page.Department(p.Department)), $"{IsoDate.Format(p.RaisedOn)}", $"{IsoDate.Format(p.DueOn)}", p.SolvedOn is { } s ? Page.H($"{IsoDate.Format(s)} {p.SolvedBy}") : "—"], p.IsOverdueOn(model.Today) ? "red" : ""))));
        html.Append($"<h2>{page.T("三张清单", "The three lists")}</h2>");
        var open = model.Procedures.Where(p => p.CompletedOn is null).ToList();
        html.Append(page.Table(
            [page.T("任务（事项）", "Task"), page.T("责任（部门、经办人）", "Responsibility"), page.T("时限", "Time limit"), page.T("剩余工作日", "Working days left")],
            open.Select(p => ((IReadOnlyList<string>)[Page.H($"{p.Code} {p.Name}"), Page.H($"{page.Department(p.Department)} · {p.Handler}"), Page.H($"{IsoDate.Format(p.AcceptedOn)} → {IsoDate.Format(p.DueOn)}") + (p.PromisedOn is { } promised ? $"<br><span class=\"muted\">{Page.H(page.T($"{p.AcknowledgedBy} 已确认，承诺 {promised} 前办结", $"acknowledged by {p.AcknowledgedBy}, promised {promised}"))}</span>" : ""), p.WorkingDaysLeft is { } left ? $"{left}" : "—"], p.Flag is "red" or "yellow" ? p.Flag : ""))));
        html.Append($"<h2>{page.T("变更记录", "History")}</h2>");
        html.Append(page.Table(
            [page.T("时间", "When"), page.T("事项", "Item"), page.T("变更", "Change"), page.T("来源", "Source")],
            model.History.Select(h => ((IReadOnlyList<string>)[Page.H(IsoDate.Minute(h.At.ToOffset(TimeSpan.FromHours(8)))), Page.H(h.Item), Page.H($"{h.Kind}: {h.From ?? "—"} → {h.To}"), Page.H(h.Source)], ""))));
        return page.Render(model.Name, viewer, html.ToString());
    }

    /// <summary>An inline SVG: a row per procedure from acceptance to finish (or today), pauses shaded, the promised due date a solid mark, the statutory one dashed.</summary>
    private static string Timeline(Model model, Page page)
    {
        if (model.Procedures.Count == 0)
        {
            return $"<p class=\"muted\">{page.T("无", "None")}</p>";
        }

        var start = model.Procedures.Min(p => p.AcceptedOn);
        var end = new[] { model.Today }.Concat(model.Procedures.SelectMany(p => new[] { p.DueOn, p.StatutoryDueOn, p.CompletedOn }).OfType<DateOnly>()).Max().AddDays(3);
        const int left = 150, width = 640, row = 22;
        var days = Math.Max(1, end.DayNumber - start.DayNumber);
        double X(DateOnly d) => left + (d.DayNumber - start.DayNumber) * (double)width / days;
        string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        var height = 30 + model.Procedures.Count * row;
        var svg = new StringBuilder($"<div class=\"scroll\"><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{left + width + 10}\" height=\"{height}\" role=\"img\" aria-label=\"{Page.H(page.T("审批事项时间轴", "Procedures over time"))}\" style=\"background:#fff;border:1px solid #d9e2ec;max-width:100%\">");
        svg.Append($"<line x1=\"{F(X(model.Today))}\" y1=\"0\" x2=\"{F(X(model.Today))}\" y2=\"{height}\" stroke=\"#1f6feb\" stroke-dasharray=\"2,2\"/><text x=\"{F(X(model.Today) + 3)}\" y=\"12\" font-size=\"10\" fill=\"#1f6feb\">{page.T("今天", "today")} {model.Today:MM-dd}</text>");
        var y = 22;
        foreach (var p in model.Procedures)
        {
            var finish = p.CompletedOn ?? model.Today;
            var color = p.Flag switch { "red" => "#d64545", "yellow" => "#f0b429", "paused" => "#9aa5b1", _ => "#3ebd93" };
            svg.Append($"<text x=\"4\" y=\"{y + 13}\" font-size=\"11\">{Page.H(p.Code)}</text>");
            svg.Append($"<rect x=\"{F(X(p.AcceptedOn))}\" y=\"{y + 3}\" width=\"{F(Math.Max(2, X(finish) - X(p.AcceptedOn)))}\" height=\"12\" fill=\"{color}\" opacity=\"0.85\"><title>{Page.H($"{p.Code} {p.Name}: {IsoDate.Format(p.AcceptedOn)} → {(p.CompletedOn is { } c ? $"{IsoDate.Format(c)}" : page.T("办理中", "open"))}")}</title></rect>");
            foreach (var (from, to) in p.Pauses.Select(x => (x.From, x.To)))
            {
                svg.Append($"<rect x=\"{F(X(from))}\" y=\"{y + 1}\" width=\"{F(Math.Max(2, X(to ?? model.Today) - X(from)))}\" height=\"16\" fill=\"#52606d\" opacity=\"0.35\"><title>{page.T("暂停", "paused")}</title></rect>");
            }

            if (p.DueOn is { } due)
            {
                svg.Append($"<line x1=\"{F(X(due))}\" y1=\"{y}\" x2=\"{F(X(due))}\" y2=\"{y + 18}\" stroke=\"#1f2933\" stroke-width=\"2\"><title>{page.T("承诺时限", "promised limit")} {IsoDate.Format(due)}</title></line>");
            }

            if (p.StatutoryDueOn is { } statutory)
            {
                svg.Append($"<line x1=\"{F(X(statutory))}\" y1=\"{y}\" x2=\"{F(X(statutory))}\" y2=\"{y + 18}\" stroke=\"#d64545\" stroke-width=\"2\" stroke-dasharray=\"3,2\"><title>{page.T("法定时限", "statutory limit")} {IsoDate.Format(statutory)}</title></line>");
            }

            y += row;
        }

        svg.Append("</svg></div>");
        svg.Append($"<p class=\"muted\">{page.T("竖实线：承诺时限；红虚线：法定时限；灰色：暂停；蓝虚线：今天。", "Solid mark: promised limit; red dashes: statutory limit; grey: paused; blue dashes: today.")}</p>");
        return svg.ToString();
    }

    /// <summary>An inline SVG of the year-to-date investment by report against the year's plan.</summary>
    private static string InvestmentTrend(Model model, Page page)
    {
        var points = model.Progress.Where(p => p.ReportedOn.Year == model.Today.Year).ToList();
        if (points.Count == 0 || model.Register is not { AnnualPlan: > 0 } register)
        {
            return $"<p class=\"muted\">{page.T("尚无投资进度报送", "No progress reported yet")}</p>";
        }

        const int width = 640, height = 160, pad = 30;
        var top = (double)Math.Max(register.AnnualPlan, points.Max(p => p.YearToDate));
        var first = new DateOnly(model.Today.Year, 1, 1);
        double X(DateOnly d) => pad + (d.DayNumber - first.DayNumber) * (width - 2.0 * pad) / 365;
        double Y(decimal v) => height - pad - (double)v / top * (height - 2.0 * pad);
        string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        var line = string.Join(' ', points.Select(p => $"{F(X(p.ReportedOn))},{F(Y(p.YearToDate))}"));
        return $"""
            <div class="scroll"><svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" aria-label="{Page.H(page.T("本年完成投资", "Investment done this year"))}" style="background:#fff;border:1px solid #d9e2ec;max-width:100%">
            <line x1="{pad}" y1="{F(Y(register.AnnualPlan))}" x2="{width - pad}" y2="{F(Y(register.AnnualPlan))}" stroke="#9aa5b1" stroke-dasharray="4,3"/>
            <text x="{pad}" y="{F(Y(register.AnnualPlan) - 4)}" font-size="10" fill="#52606d">{page.T("年度计划", "plan")} {register.AnnualPlan:#,0.##}</text>
            <polyline points="{line}" fill="none" stroke="#1f6feb" stroke-width="2"/>
            {string.Concat(points.Select(p => $"<circle cx=\"{F(X(p.ReportedOn))}\" cy=\"{F(Y(p.YearToDate))}\" r=\"3\" fill=\"#1f6feb\"><title>{IsoDate.Format(p.ReportedOn)}: {p.YearToDate:#,0.##}</title></circle>"))}
            </svg></div>
            """;
    }
}
