using System.Text.Json;
using ApprovalWatch.Domain.Calendar;
using ApprovalWatch.Domain.Catalogue;
using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Domain.Weekly;
using ApprovalWatch.Pipeline.Ingestion;
using ApprovalWatch.Pipeline.KeyProjects;
using ApprovalWatch.Pipeline.Links;
using ApprovalWatch.Pipeline.Scanning;
using ApprovalWatch.Pipeline.Storage;
using ApprovalWatch.Presentation.Weekly;

namespace ApprovalWatch.Board;

/// <summary>
/// <c>GET /board</c>: red / yellow / green procedures as a county × department table (from the counts the last
/// scan recorded, not a scan per request), the red projects with their reasons and the headline of the latest
/// weekly report, the date of the last scan and of each department's last file.
/// </summary>
public sealed class BoardPage(
    SubmissionLedger ledger,
    KeyProjectTable keyProjects,
    ScanLog scans,
    WeeklyReports weekly,
    Pipeline.Notices.NoticeBook notices,
    AckLinks links,
    TimeProvider time
)
{
    private const int LedgerDays = 92;

    public sealed record Cell(string County, string Department, int Red, int Yellow, int Green);

    public sealed record DepartmentFile(string Department, string? File, DateTimeOffset? At, bool ThisWeek);

    /// <summary>
    /// A problem waiting for someone on the board: to be signed for (with the viewer's link; working days left to its due
    /// date) or, sent back, assigned again.
    /// </summary>
    public sealed record WaitingProblem(
        string ProjectCode,
        string Id,
        string Text,
        string Department,
        DateOnly Since,
        string? Link,
        string ReturnedBy,
        string ReturnReason
    )
    {
        public int? DaysLeft { get; init; }
    }

    /// <summary>A notice whose items wait for the viewer's reply (he heads its department, or stands in): working days left to reply.</summary>
    public sealed record WaitingNotice(
        string Number,
        int Year,
        int Sequence,
        string Department,
        string Subject,
        int Unanswered,
        DateOnly ReplyBy,
        int DaysLeft
    );

    public sealed record Model(
        string? LastScan,
        IReadOnlyList<string> Counties,
        IReadOnlyList<string> Departments,
        IReadOnlyList<Cell> Cells,
        Headline? Headline,
        string? Week,
        IReadOnlyList<ProjectLight> RedProjects,
        IReadOnlyList<DepartmentFile> Files,
        IReadOnlyDictionary<string, ProcedureName>? ProcedureNames = null
    )
    {
        /// <summary>The viewer's department's problems not yet signed for (and those of a department he stands in for).</summary>
        public IReadOnlyList<WaitingProblem> ToSign { get; init; } = [];

        /// <summary>Notices waiting for the viewer's reply, the most urgent first.</summary>
        public IReadOnlyList<WaitingNotice> ToReply { get; init; } = [];

        /// <summary>Problems sent back, for a coordinator to assign again.</summary>
        public IReadOnlyList<WaitingProblem> Returned { get; init; } = [];

        /// <summary>The latest weekly report's data checks, as far as the viewer may see them.</summary>
        public IReadOnlyList<Domain.Projects.DataWarning> DataChecks { get; init; } = [];
    }

    /// <summary>The last scan's day and its counts by county and department, as far as the viewer may see them.</summary>
    public async Task<(string? Day, List<Cell> Cells)> CellsAsync(Viewer viewer, CancellationToken cancellationToken)
    {
        var scan = await scans.LatestAsync(cancellationToken);
        var cells = (
            scan?.Cells is { } json ? JsonSerializer.Deserialize<Dictionary<string, Dictionary<Flag, int>>>(json, StorageJson.Compact) : null
        ) ?? [];
        return (
            scan?.RowKey,
            cells
                .Select(c => (Key: c.Key.Split('|'), Counts: c.Value))
                .Where(c => c.Key.Length == 2 && viewer.MaySee(c.Key[1]))
                .Select(c => new Cell(
                    c.Key[0],
                    c.Key[1],
                    c.Counts.GetValueOrDefault(Flag.Red),
                    c.Counts.GetValueOrDefault(Flag.Yellow),
                    c.Counts.GetValueOrDefault(Flag.Green)
                ))
                .ToList()
        );
    }

    public async Task<Model> LoadAsync(Viewer viewer, Domain.Reference.ReferenceData reference, CancellationToken cancellationToken)
    {
        var today = OfficeClock.Today(time);
        var acting = Department.All.Select(d => d.Id)
            .Where(d => Domain.Staff.DepartmentAuthority.ActsFor(viewer.Person.Email, d, reference.Staff, reference.Leave, today))
            .ToHashSet(StringComparer.Ordinal);
        var (day, parsed) = await CellsAsync(viewer, cancellationToken);
        var report = await weekly.LatestAsync(cancellationToken);
        var monday = ReportWeek.Of(OfficeClock.Today(time)).Monday;
        // The ledger keeps every file ever applied: the board reads the last quarter's.
        var files = (await ledger.LatestSinceAsync(time.GetUtcNow().AddDays(-LedgerDays), cancellationToken)).ToDictionary(
            f => f.Key,
            f => new DepartmentFile(f.Key, f.Value.BlobName, f.Value.AppliedAt, OfficeClock.DateOf(f.Value.AppliedAt) >= monday),
            StringComparer.Ordinal
        );

        var departments = Department.All.Select(d => d.Id).Where(viewer.MaySee).ToList();
        var (toSign, returned) = await WaitingProblemsAsync(viewer, acting, reference, cancellationToken);
        return new Model(
            day,
            parsed.Select(c => c.County).Distinct().Order(StringComparer.Ordinal).ToList(),
            departments,
            parsed,
            report?.Headline,
            report?.Week,
            report?.Lights.Where(l => l.Light == WeeklyCalculator.Red && viewer.MaySee(l.Unit)).ToList() ?? [],
            departments.Select(d => files.GetValueOrDefault(d) ?? new DepartmentFile(d, null, null, false)).ToList(),
            report?.ProcedureNames)
        {
            ToSign = toSign,
            ToReply = await WaitingNoticesAsync(acting, reference, today, cancellationToken),
            Returned = returned,
            DataChecks = report?.DataChecks.Where(c => viewer.MaySee(c.Department)).ToList() ?? [],
        };
    }

    private async Task<IReadOnlyList<WaitingNotice>> WaitingNoticesAsync(
        IReadOnlySet<string> acting,
        Domain.Reference.ReferenceData reference,
        DateOnly today,
        CancellationToken cancellationToken
    )
    {
        if (acting.Count == 0)
        {
            return [];
        }

        return
        [
            .. (await notices.ListAsync(today.Year - 1, cancellationToken))
                .Select(s => s.Notice)
                .Where(n => acting.Contains(n.Department) && n.Open.Any(i => i.Reply is null))
                .Select(n =>
                {
                    var replyBy = n.Open.Where(i => i.Reply is null).Min(i => i.ReplyDeadline(n));
                    var calendar = Pipeline.Notices.NoticeReplies.CalendarOf(n, reference);
                    return new WaitingNotice(
                        n.Number,
                        n.Year,
                        n.Sequence,
                        n.Department,
                        n.Subject(chinese: true),
                        n.Open.Count(i => i.Reply is null),
                        replyBy,
                        Assessment.Left(calendar, today, replyBy)
                    );
                })
                .OrderBy(w => w.ReplyBy)
                .ThenBy(w => w.Sequence),
        ];
    }

    /// <summary>Open problems not yet signed for of the viewer's own department and those he acts for, and (for a coordinator) those sent back.</summary>
    private async Task<(List<WaitingProblem> ToSign, List<WaitingProblem> Returned)> WaitingProblemsAsync(
        Viewer viewer,
        IReadOnlySet<string> acting,
        Domain.Reference.ReferenceData reference,
        CancellationToken cancellationToken
    )
    {
        var (toSign, returned) = (new List<WaitingProblem>(), new List<WaitingProblem>());
        var today = OfficeClock.Today(time);
        await foreach (var p in keyProjects.ProblemsAsync(cancellationToken))
        {
            if (p.AwaitsSignature && (p.Department == viewer.Person.Department || acting.Contains(p.Department)))
            {
                toSign.Add(
                    new WaitingProblem(
                        p.ProjectCode,
                        p.Id,
                        p.Text,
                        p.Department,
                        p.AssignedOn ?? p.RaisedOn,
                        // The decision is the head's (or his stand-in's): the others see it without the links to decide.
                        acting.Contains(p.Department) ? links.ProblemPath(viewer.Person.Email, p.ProjectCode, p.Id, today) : null,
                        "",
                        ""
                    )
                    {
                        DaysLeft = Assessment.Left(reference.Calendars.ForRegion(Domain.Submissions.ProjectCode.Region(p.ProjectCode)), today, p.DueOn),
                    }
                );
            }
            else if (p.IsReturned && viewer.Person.Has(Domain.Staff.Role.Coordinator))
            {
                returned.Add(new WaitingProblem(p.ProjectCode, p.Id, p.Text, p.Department, p.ReturnedOn!.Value, null, p.ReturnedBy, p.ReturnReason));
            }
        }

        return ([.. toSign.OrderBy(p => p.Since)], [.. returned.OrderBy(p => p.Since)]);
    }

    /// <summary><c>GET /checks</c>: every standing data check of the viewer's scope, grouped by kind, the largest sums first.</summary>
    public static string RenderChecks(Model model, Page page, Viewer viewer) =>
        page.Render(
            "checks",
            page.Words["data_checks"],
            viewer,
            model,
            new Dictionary<string, object?> { ["check_groups"] = CheckGroupsView(model.DataChecks, model.ProcedureNames, page, all: true) }
        );

    // Each kind with its count and sum, and its checks: all of them, or the largest few on the board.
    private static List<object> CheckGroupsView(
        IEnumerable<Domain.Projects.DataWarning> checks,
        IReadOnlyDictionary<string, ProcedureName>? names,
        Page page,
        bool all
    ) =>
        [
            .. Domain.Projects.CheckGroups.Of(checks).Select(g => new
            {
                g.Check,
                Kind = page.Words["check_kind." + g.Check],
                g.Count,
                Sum = g.Sum > 0 ? WeeklyView.Wan(g.Sum) : null,
                More = all ? 0 : Math.Max(0, g.Count - Domain.Projects.CheckGroups.Shown),
                Items = g.Items.Take(all ? int.MaxValue : Domain.Projects.CheckGroups.Shown)
                    .Select(c => new
                    {
                        c.ProjectCode,
                        c.ProjectName,
                        Text = CheckText.Say(c, page.Words, names),
                        FirstReported = c.FirstReported is { } first ? Domain.Text.IsoDate.Format(first) : null,
                        c.Department,
                    })
                    .ToList(),
            }),
        ];

    public static string Render(Model model, Page page, Viewer viewer) =>
        page.Render(
            "board",
            page.Words["board_title"],
            viewer,
            model,
            new Dictionary<string, object?>
            {
                ["all_departments"] = Department.All.Select(d => d.Id).ToList(),
                ["check_groups"] = CheckGroupsView(model.DataChecks, model.ProcedureNames, page, all: false),
                ["reasons"] = model.RedProjects.ToDictionary(
                    p => p.Code,
                    p => ReasonText.Join(p.Reasons, model.ProcedureNames ?? new Dictionary<string, ProcedureName>(), page.Words),
                    StringComparer.Ordinal
                ),
            }
        );
}
