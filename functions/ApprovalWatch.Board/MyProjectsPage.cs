using ApprovalWatch.Domain.Calendar;
using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Domain.Reference;
using ApprovalWatch.Domain.Staff;
using ApprovalWatch.Domain.Weekly;
using ApprovalWatch.Pipeline.KeyProjects;
using ApprovalWatch.Pipeline.Scanning;
using ApprovalWatch.Pipeline.Storage;
using ApprovalWatch.Presentation.Weekly;
using Microsoft.Extensions.Options;

namespace ApprovalWatch.Board;

/// <summary>
/// <c>GET /mine</c>, where a leader in charge lands: his own projects (包联), the red, then the yellow, the latest first, each with its light
/// and why in words (the latest weekly report's), and what is late today — each procedure and problem by name, days late
/// (or left), its department and head, its handler, the reason a clock is paused — then his green projects in one line.
/// Measured as the scan measures, today, so the board and the digest say one figure.
/// </summary>
public sealed class MyProjectsPage(
    ProcedureTable procedureTable,
    KeyProjectTable keyProjects,
    WeeklyReports weekly,
    IOptions<ScanOptions> scan,
    TimeProvider time
)
{
    /// <param name="DaysLate">Working days past its due date today; 0 when due today; negative: days left.</param>
    public sealed record Item(string Name, bool IsProblem, string Flag, int DaysLate, string Department, string Head, string Handler, string? Paused);

    public sealed record Project(string Code, string Name, string County, string Light, string Why, IReadOnlyList<Item> Items);

    /// <param name="Week">The weekly report the lights and their reasons are from (as of <paramref name="WeekAsOf"/>); null before the first.</param>
    public sealed record Model(string Leader, string Today, string? Week, string? WeekAsOf, IReadOnlyList<Project> Projects, IReadOnlyList<Project> Green);

    /// <summary>Whether the viewer leads projects of his own (a leader lands here, else on the board).</summary>
    public async Task<bool> HasProjectsAsync(Viewer viewer, CancellationToken cancellationToken) =>
        viewer.Person.Has(Role.Leader) && (await keyProjects.LedByAsync(viewer.Person.Email, cancellationToken)).Count > 0;

    public async Task<Model> LoadAsync(Viewer viewer, ReferenceData reference, Page page, CancellationToken cancellationToken)
    {
        var today = OfficeClock.Today(time);
        var codes = await keyProjects.LedByAsync(viewer.Person.Email, cancellationToken);
        var report = await weekly.LatestAsync(cancellationToken);
        var lights = report?.Lights.ToDictionary(l => l.Code, StringComparer.Ordinal) ?? [];
        var names = report?.ProcedureNames ?? new Dictionary<string, ProcedureName>();
        var measurement = scan.Value.MeasurementOn(today, reference);
        // Each project's two partitions, every project side by side: one round trip's wait, not two per project.
        var read = await Task.WhenAll(codes.Select(async code =>
        {
            var rows = keyProjects.OfProjectAsync(code, cancellationToken);
            var procedures = procedureTable.OfProjectAsync(code, cancellationToken);
            return (Code: code, Rows: await rows, Procedures: (await procedures).Values);
        }));
        var projects = new List<Project>();
        foreach (var (code, rows, procedures) in read)
        {
            var register = rows.GetValueOrDefault(KeyProjectEntity.RegisterKey)?.ToProject();
            var items = new List<Item>();
            foreach (var row in procedures.Where(r => r.CompletedOn is null))
            {
                var procedure = row.ToProcedure();
                if (measurement.Assess(procedure) is not { } assessment || assessment.Flag is not (Flag.Red or Flag.Yellow or Flag.Paused))
                {
                    continue;
                }

                var entry = reference.Catalogue.Find(procedure.ProcedureCode);
                items.Add(
                    new Item(
                        entry is null ? procedure.ProcedureCode : page.Chinese ? entry.ChineseName : entry.EnglishName,
                        false,
                        Flags.Code(assessment.Flag),
                        -assessment.WorkingDaysLeft,
                        procedure.Department,
                        HeadOf(procedure.Department, reference, today),
                        StandIns.NameOn(procedure.HandlerEmail, reference.Staff, reference.Leave, today),
                        procedure.Pauses.LastOrDefault(p => p.To is null || p.To >= today)?.Reason
                    )
                );
            }

            var calendar = reference.Calendars.ForRegion(Domain.Submissions.ProjectCode.Region(code));
            foreach (var problem in rows.Values.Where(r => r.IsProblem).Select(r => r.ToProblem()).Where(p => p.IsOpenOn(today)))
            {
                var left = Assessment.Left(calendar, today, problem.DueOn);
                var flag = Flags.For(left, scan.Value.WarningWorkingDays);
                if (flag is Flag.Red or Flag.Yellow)
                {
                    var head = HeadOf(problem.Department, reference, today);
                    items.Add(new Item(problem.Text, true, Flags.Code(flag), -left, problem.Department, head, "", null));
                }
            }

            var light = lights.GetValueOrDefault(code);
            projects.Add(
                new Project(
                    code,
                    register?.Name ?? procedures.FirstOrDefault()?.ProjectName ?? code,
                    register?.County ?? "",
                    light?.Light
                        ?? (items.Any(i => i.Flag == "red") ? WeeklyCalculator.Red : items.Count > 0 ? WeeklyCalculator.Yellow : WeeklyCalculator.Green),
                    light is null ? "" : ReasonText.Join(light.Reasons, names, page.Words),
                    [.. items.OrderByDescending(i => i.DaysLate)]
                )
            );
        }

        int Order(Project p) => p.Light == WeeklyCalculator.Red ? 0 : p.Light == WeeklyCalculator.Yellow ? 1 : 2;
        int Worst(Project p) => p.Items.Where(i => i.Flag != "paused").Select(i => i.DaysLate).DefaultIfEmpty(int.MinValue).Max();
        var ordered = projects.OrderBy(Order).ThenByDescending(Worst).ThenBy(p => p.Code, StringComparer.Ordinal).ToList();
        return new Model(
            viewer.Person.Name,
            Domain.Text.IsoDate.Format(today),
            report?.Week,
            report is null ? null : Domain.Text.IsoDate.Format(report.AsOf),
            [.. ordered.Where(p => Order(p) < 2 || p.Items.Count > 0)],
            [.. ordered.Where(p => Order(p) == 2 && p.Items.Count == 0)]
        );
    }

    private static string HeadOf(string department, ReferenceData reference, DateOnly today) =>
        reference.Staff.WithRole(Role.Head, department).FirstOrDefault() is { } head
            ? StandIns.NameOn(head.Email, reference.Staff, reference.Leave, today)
            : "";

    public static string Render(Model model, Page page, Viewer viewer) => page.Render("mine", page.Words["mine_title"], viewer, model);
}
