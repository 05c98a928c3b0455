using ApprovalWatch.Domain.Audit;
using ApprovalWatch.Domain.Calendar;
using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Domain.Digests;
using ApprovalWatch.Domain.Projects;
using ApprovalWatch.Domain.Reference;
using ApprovalWatch.Pipeline.Events;
using ApprovalWatch.Pipeline.Storage;
using Microsoft.Extensions.Options;

namespace ApprovalWatch.Pipeline.Scanning;

/// <summary>
/// Measures one shard streaming, a project at a time: its procedures (one partition, in key order) and its
/// stored project rows (read beside them, in the same order), then writes what changed — the audit rows
/// before the flags they describe, several projects' writes side by side — and hands its digest lines on,
/// routed to their recipients, as it goes, and returns the lines that call for a supervision notice. Holds one project
/// plus one run of lines.
/// </summary>
public sealed class ShardMeasurer(
    ProcedureTable procedures,
    ProjectMeasureTable projectMeasures,
    KeyProjectTable keyProjects,
    HistoryLog log,
    IOptions<ScanOptions> options
)
{
    private const int WriteParallelism = 8;

    /// <param name="write">False for a dry run: measure, write nothing.</param>
    /// <param name="lines">Where the routed digest lines go.</param>
    /// <param name="replay">Measure each procedure as its facts stood on <paramref name="today"/>, a past day (<see cref="Procedure.AsOn"/>),
    /// its flags and escalation counts as on a first scan; writes nothing.</param>
    public async Task<ShardOutput> MeasureAsync(
        DateOnly today,
        ReferenceData reference,
        ShardRange range,
        bool write,
        RoutedLineRuns lines,
        CancellationToken cancellationToken,
        bool replay = false
    )
    {
        write &= !replay;
        var scan = options.Value;
        var measurement = scan.MeasurementOn(today, reference);
        var segments = new ShardSegments(scan.ShardProcedures);
        var writes = new ConcurrentWrites(write ? WriteParallelism : 0);
        var at = OfficeClock.At(today, TimeOnly.MinValue);
        await using var stored = new PartitionReader<ProjectMeasureEntity>(
            projectMeasures.ForScanAsync(range.Filter, cancellationToken)
        );
        var (leaders, problems) = await KeyProjectsAsync(range, cancellationToken);
        var noticeCalls = new List<NoticeCall>();
        async Task AddLinesAsync(IReadOnlyList<DigestLine> measured)
        {
            // Lines that call for a notice are kept only where the prefecture issues notices (config/notices.json).
            if (write && reference.Notices is not null)
            {
                noticeCalls.AddRange(
                    measured.Where(reference.Ladder.CallsForNotice).Select(line => new NoticeCall(line, leaders.GetValueOrDefault(line.ProjectCode)))
                );
            }

            await lines.AddAsync(
                Cover.Apply(
                    measured.SelectMany(line => DigestPlanner.Route(line, reference.Staff, reference.Ladder, leaders.GetValueOrDefault)),
                    reference.Staff,
                    reference.Leave,
                    today
                ),
                cancellationToken
            );
        }

        FlagChanged Flagged(string project, string item, string? from, string to, string? department) =>
            new(Flags.Parse(from), Flags.Parse(to)!.Value) { Project = project, Item = item, At = at, Source = "scan", Department = department };

        async Task MeasureProjectAsync(List<ProcedureEntity> project)
        {
            var code = project[0].PartitionKey;
            segments.Add(code, project.Count);
            var history = new List<AuditEvent>();
            var procedureWrites = new List<ProcedureEntity>();
            foreach (var row in project)
            {
                var measure = !replay ? measurement.Add(row.ToProcedure(), Flags.Parse(row.Flag), row.EscalationCounts, row.Acknowledgement)
                    : row.ToProcedure().AsOn(today) is { } then ? measurement.Add(then)
                    : null;
                if (measure is null)
                {
                    continue;
                }

                var scanned = row.Scanned(measure, today);
                if (!row.SaysAlready(scanned))
                {
                    procedureWrites.Add(scanned);
                }

                if (row.Flag != scanned.Flag)
                {
                    history.Add(Flagged(row.PartitionKey, row.RowKey, row.Flag, scanned.Flag!, row.Department));
                }
            }

            var before = (await stored.TakeAsync(code)).ToDictionary(r => r.RowKey, StringComparer.Ordinal);
            var projectWrites = new List<ProjectMeasureEntity>();
            foreach (var measure in measurement.MeasureProjects())
            {
                var row = ProjectMeasureEntity.From(measure);
                var known = before.GetValueOrDefault(row.RowKey);
                if (known is null || !known.SameAs(row))
                {
                    projectWrites.Add(row);
                }

                if (known?.Flag != row.Flag)
                {
                    history.Add(Flagged(row.PartitionKey, row.RowKey, known?.Flag, row.Flag, department: null));
                }
            }

            if (write && history.Count + procedureWrites.Count + projectWrites.Count > 0)
            {
                measurement.Counts.RowsWritten += history.Count + procedureWrites.Count + projectWrites.Count;
                // The audit rows first: their keys are the day's, so a shard that stops in between and runs again finds the same changes and writes
                // the same rows.
                await writes.AddAsync(async () =>
                {
                    await log.AppendAsync(history, cancellationToken);
                    await procedures.WriteScanAsync(procedureWrites, cancellationToken);
                    await projectMeasures.WriteAsync(projectWrites, cancellationToken);
                });
            }

            await AddLinesAsync(measurement.TakeLines());
        }

        var project = new List<ProcedureEntity>();
        await foreach (var row in procedures.ForScanAsync(range.Filter, cancellationToken))
        {
            if (project.Count > 0 && row.PartitionKey != project[0].PartitionKey)
            {
                await MeasureProjectAsync(project);
                project = [];
            }

            project.Add(row);
        }

        if (project.Count > 0)
        {
            await MeasureProjectAsync(project);
        }

        await writes.WhenAllAsync();
        foreach (var (problem, projectName) in problems)
        {
            var calendar = reference.Calendars.ForRegion(Domain.Submissions.ProjectCode.Region(problem.ProjectCode));
            if (ProblemLine.Of(problem, projectName, calendar, today, scan.WarningWorkingDays, reference.Ladder.SignWithinWorkingDays) is { } line)
            {
                await AddLinesAsync([line]);
            }
        }

        await lines.FlushAsync(cancellationToken);
        return new ShardOutput(measurement.Counts, lines.Count, segments.ToList(), noticeCalls);
    }

    /// <summary>
    /// The key projects of the range: the leader in charge of each registered project, and the open problems
    /// (with their project's name), which climb the ladder like procedures.
    /// </summary>
    private async Task<(Dictionary<string, string> Leaders, List<(ProjectProblem Problem, string ProjectName)> Problems)> KeyProjectsAsync(
        ShardRange range,
        CancellationToken cancellationToken
    )
    {
        var (leaders, names, problems) = (
            new Dictionary<string, string>(StringComparer.Ordinal),
            new Dictionary<string, string>(StringComparer.Ordinal),
            new List<ProjectProblem>()
        );
        await foreach (var row in keyProjects.RegistersAndProblemsAsync(range.Filter, cancellationToken))
        {
            if (row.IsRegister)
            {
                names[row.PartitionKey] = row.Name ?? "";
                if (row.LeaderEmail is { Length: > 0 } leader)
                {
                    leaders[row.PartitionKey] = leader;
                }
            }
            else if (row.SolvedOn is null)
            {
                problems.Add(row.ToProblem());
            }
        }

        return (leaders, problems.Select(p => (p, names.GetValueOrDefault(p.ProjectCode) ?? p.ProjectCode)).ToList());
    }
}
