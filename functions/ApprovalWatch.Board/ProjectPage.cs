using ApprovalWatch.Domain.Calendar;
using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Domain.Projects;
using ApprovalWatch.Domain.Reference;
using ApprovalWatch.Domain.Weekly;
using ApprovalWatch.Pipeline.KeyProjects;
using ApprovalWatch.Pipeline.Scanning;
using ApprovalWatch.Pipeline.Storage;
using ApprovalWatch.Presentation.Pages;
using ApprovalWatch.Presentation.Weekly;
using Microsoft.Extensions.Options;

namespace ApprovalWatch.Board;

/// <summary>
/// <c>GET /projects/{code}</c>: one project — its procedures as a timeline (accepted → due → finished, pauses
/// shaded, the promised and statutory limits marked), its stage and whole-process measures, the investment
/// trend and problems, the history of changes (who changed what, from which file, when) and its three lists.
/// Reads the project's partitions only.
/// </summary>
public sealed class ProjectPage(
    ProcedureTable procedureTable,
    KeyProjectTable keyProjects,
    ProjectMeasureTable projectMeasures,
    HistoryLog history,
    WeeklyReports weekly,
    IOptions<ScanOptions> scan,
    TimeProvider time
)
{
    public sealed record ProcedureView(
        string Code,
        string Name,
        string Department,
        string Handler,
        string Status,
        string? Flag,
        DateOnly AcceptedOn,
        DateOnly? DueOn,
        DateOnly? StatutoryDueOn,
        DateOnly? CompletedOn,
        IReadOnlyList<PauseView> Pauses,
        int LimitDays,
        int? WorkingDaysLeft,
        string? AcknowledgedBy,
        string? PromisedOn,
        bool Provisional
    );

    /// <summary>A pause of the clock (a record, not a tuple, so that the JSON API shows it).</summary>
    public sealed record PauseView(DateOnly From, DateOnly? To, string? Reason = null);

    public sealed record MeasureView(string Scope, string StartedOn, string? FinishedOn, int LimitDays, string DueOn, string Flag, bool Provisional);

    /// <param name="Line">The line of the file that brought the change; <paramref name="Uploader"/>, who uploaded it on the board.</param>
    public sealed record HistoryView(
        DateTimeOffset At,
        string Item,
        string Kind,
        string? From,
        string To,
        string Source,
        int? Line = null,
        string? Uploader = null
    );

    /// <param name="OutOfScope">The project is none of the viewer's department's: he sees nothing of it.</param>
    public sealed record Model(
        string Code,
        RegisteredProject? Register,
        string Name,
        DateOnly Today,
        IReadOnlyList<ProcedureView> Procedures,
        IReadOnlyList<MeasureView> Measures,
        IReadOnlyList<ProgressReport> Progress,
        IReadOnlyList<ProjectProblem> Problems,
        IReadOnlyList<HistoryView> History,
        bool OutOfScope = false
    )
    {
        /// <summary>The latest weekly report's data checks on the project, as far as the viewer may see them.</summary>
        public IReadOnlyList<DataWarning> Checks { get; init; } = [];
    }

    public async Task<Model?> LoadAsync(string code, Viewer viewer, ReferenceData reference, CancellationToken cancellationToken)
    {
        var today = OfficeClock.Today(time);
        // The project's partitions are independent: read side by side.
        var procedureRows = procedureTable.OfProjectAsync(code, cancellationToken);
        var keyRowsRead = keyProjects.OfProjectAsync(code, cancellationToken);
        var (rows, keyRows) = ((await procedureRows).Values.ToList(), (await keyRowsRead).Values.ToList());
        var register = keyRows.FirstOrDefault(r => r.IsRegister)?.ToProject();
        if (rows.Count == 0 && keyRows.Count == 0)
        {
            return null;
        }

        var measurement = scan.Value.MeasurementOn(today, reference);
        var procedures = rows.Where(r => viewer.MaySee(r.Department))
            .Select(r =>
            {
                var procedure = r.ToProcedure();
                var entry = reference.Catalogue.Find(procedure.ProcedureCode);
                var assessment = measurement.Assess(procedure);
                return new ProcedureView(
                    r.RowKey,
                    entry is null ? r.RowKey : (viewer.Chinese ? entry.ChineseName : entry.EnglishName),
                    r.Department,
                    reference.Staff.NameOf(r.HandlerEmail),
                    r.Status,
                    r.Flag,
                    procedure.AcceptedOn,
                    assessment?.Deadline.DueOn,
                    assessment?.StatutoryDueOn,
                    procedure.CompletedOn,
                    procedure.Pauses.Select(p => new PauseView(p.From, p.To, p.Reason is { Length: > 0 } why ? why : null)).ToList(),
                    procedure.LimitDays,
                    assessment?.WorkingDaysLeft,
                    r.AckByName,
                    r.PromisedOn,
                    assessment?.Provisional == true
                );
            })
            .OrderBy(p => p.AcceptedOn)
            .ThenBy(p => p.Code, StringComparer.Ordinal)
            .ToList();
        if (procedures.Count == 0 && !(register is not null && viewer.MaySee(register.ResponsibleUnit)) && viewer.Department is not null)
        {
            return new Model(code, null, code, today, [], [], [], [], [], OutOfScope: true);
        }

        var measuresRead = projectMeasures.OfProjectAsync(code, cancellationToken);
        var historyRead = HistoryAsync(code, viewer, cancellationToken);
        var reportRead = weekly.LatestAsync(cancellationToken);
        var (measureRows, history, report) = (await measuresRead, await historyRead, await reportRead);
        var measures = measureRows
            .Select(m => new MeasureView(m.RowKey, m.StartedOn, m.FinishedOn, m.LimitDays, m.DueOn, m.Flag, m.Provisional == true))
            .ToList();
        return new Model(
            code,
            register,
            register?.Name ?? rows.FirstOrDefault()?.ProjectName ?? code,
            today,
            procedures,
            measures,
            keyRows.Where(r => r.IsProgress).Select(r => r.ToProgress()).OrderBy(p => p.ReportedOn).ToList(),
            keyRows.Where(r => r.IsProblem).Select(r => r.ToProblem()).Where(p => viewer.MaySee(p.Department)).OrderBy(p => p.RaisedOn).ToList(),
            history
        )
        {
            Checks = report?.DataChecks.Where(c => c.ProjectCode == code && viewer.MaySee(c.Department)).ToList() ?? [],
        };
    }

    /// <summary>
    /// The project's newest History rows the viewer may see: a range read of the newest-first keys, and one of the rows
    /// written before them, each stopping at <see cref="HistoryRows"/> shown or five times as many read. A viewer limited to a department sees its rows
    /// only; a row about the project as a whole, or written before rows named their department, only a viewer of all.
    /// </summary>
    private async Task<List<HistoryView>> HistoryAsync(string code, Viewer viewer, CancellationToken cancellationToken)
    {
        var rows = await history.OfProjectAsync(
            code,
            HistoryRows,
            h => h.Department is { } department ? viewer.MaySee(department) : viewer.Department is null,
            cancellationToken
        );
        return [
            .. rows.OrderByDescending(h => h.At)
                .Take(HistoryRows)
                .Select(HistoryEvents.Row)
                .Select(h => new HistoryView(h.At, h.Procedure, h.Kind, h.From, h.To, h.Source, h.Line, h.Uploader)),
        ];
    }

    /// <summary>The History rows a project page shows, newest first.</summary>
    public const int HistoryRows = 200;

    // The names of the procedures a project's checks may mention: every catalogue entry's.
    private static Dictionary<string, ProcedureName> NamesOf(Model model, ReferenceData reference) =>
        model.Checks.Count == 0
            ? []
            : reference.Catalogue.Entries.ToDictionary(e => e.Code, e => new ProcedureName(e.ChineseName, e.EnglishName), StringComparer.Ordinal);

    private static bool InScope(string scope, string procedure, ReferenceData reference) =>
        scope == ProjectMeasure.WholeProcess
        || (reference.Catalogue.Find(procedure) is { } entry && scope == $"stage-{entry.Stage.ToString(System.Globalization.CultureInfo.InvariantCulture)}");

    public static string Render(Model model, Page page, Viewer viewer, ReferenceData reference)
    {
        var words = page.Words;
        var text = new ProjectText(words, reference.Catalogue.Find, reference.Staff.NameOf);
        var year = model.Progress.Where(p => p.ReportedOn.Year == model.Today.Year).ToList();
        return page.Render(
            "project",
            model.Name,
            viewer,
            model,
            new Dictionary<string, object?>
            {
                ["nature"] = model.Register is { } r ? (page.Chinese ? r.Nature.ChineseName() : r.Nature.Code().Replace('_', ' ')) : null,
                ["leader"] = model.Register is { } l ? reference.Staff.NameOf(l.LeaderEmail) : null,
                // 一键督办 for a leader in charge or the coordinator, on an overdue item.
                ["supervises"] = viewer.Person.Has(Domain.Staff.Role.Leader) || viewer.Person.Has(Domain.Staff.Role.Coordinator),
                ["checks"] = model.Checks.Select(c => CheckText.Say(c, words, NamesOf(model, reference))).Distinct().ToList(),
                ["measures"] = model
                    .Measures.Select(m =>
                    {
                        // A stage is as late as its latest open procedure, whatever its own limit says.
                        var worst = model.Procedures
                            .Where(p => p.CompletedOn is null && p.WorkingDaysLeft is < 0 && InScope(m.Scope, p.Code, reference))
                            .MinBy(p => p.WorkingDaysLeft);
                        return new
                        {
                            Scope = text.Scope(m.Scope),
                            m.StartedOn,
                            m.FinishedOn,
                            m.LimitDays,
                            m.DueOn,
                            Flag = worst is not null && m.Flag != "red" ? "red" : m.Flag,
                            m.Provisional,
                            Worst = worst is null ? null : $"{worst.Name} {words.Format("late_days", -worst.WorkingDaysLeft!.Value)}",
                        };
                    })
                    .ToList(),
                ["history"] = model
                    .History.Select(h => new
                    {
                        h.At,
                        Item = text.Item(h.Item),
                        Kind = text.Kind(h.Kind),
                        From = text.Value(h.Kind, h.From),
                        To = text.Value(h.Kind, h.To),
                        Source = string.Join(
                            " · ",
                            new[]
                            {
                                h.Source,
                                h.Line is { } line ? words.Format("receipt.where", line) : null,
                                h.Uploader is { } u ? reference.Staff.NameOf(u) : null,
                            }.OfType<string>()
                        ),
                    })
                    .ToList(),
                ["done_this_year"] = year.LastOrDefault()?.YearToDate ?? 0,
                ["timeline"] = Drawings.Timeline(
                    model
                        .Procedures.Select(p => new TimelineInput(
                            p.Code,
                            text.Name(p.Code),
                            p.Flag,
                            p.AcceptedOn,
                            p.CompletedOn,
                            p.DueOn,
                            p.StatutoryDueOn,
                            p.Pauses.Select(x => (x.From, x.To)).ToList()
                        ))
                        .ToList(),
                    model.Today
                ),
                ["investment"] = Drawings.Investment(
                    year.Select(p => (p.ReportedOn, p.YearToDate)).ToList(),
                    model.Register?.AnnualPlan ?? 0,
                    model.Today.Year
                ),
                ["problems"] = model
                    .Problems.Select(p => new
                    {
                        p.Id,
                        p.Text,
                        p.Department,
                        p.RaisedOn,
                        p.DueOn,
                        p.SolvedOn,
                        p.SolvedBy,
                        Overdue = p.IsOverdueOn(model.Today),
                        Item = Domain.Digests.ProblemLine.ItemPrefix + p.Id,
                    })
                    .ToList(),
                ["open"] = model
                    .Procedures.Where(p => p.CompletedOn is null)
                    .Select(p => new
                    {
                        p.Code,
                        Name = text.Name(p.Code),
                        p.Department,
                        p.Handler,
                        p.Flag,
                        p.AcceptedOn,
                        p.DueOn,
                        p.Provisional,
                        p.WorkingDaysLeft,
                        // The reason its clock stands still, as the clerk gave it.
                        Paused = p.Pauses.LastOrDefault(x => x.To is null || x.To >= model.Today)?.Reason,
                        Acknowledged = p.PromisedOn is { } promised ? words.Format("acknowledged_promised", p.AcknowledgedBy, promised) : null,
                    })
                    .ToList(),
            }
        );
    }
}
