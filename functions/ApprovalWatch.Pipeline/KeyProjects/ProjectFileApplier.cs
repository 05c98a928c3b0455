using ApprovalWatch.Domain.Calendar;
using ApprovalWatch.Domain.Projects;
using ApprovalWatch.Domain.Reference;
using ApprovalWatch.Domain.Submissions;
using ApprovalWatch.Domain.Text;
using ApprovalWatch.Pipeline.Ingestion;
using ApprovalWatch.Pipeline.Reference;
using ApprovalWatch.Pipeline.Storage;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace ApprovalWatch.Pipeline.KeyProjects;

/// <summary>
/// Applies the valid rows of a project file to the KeyProjects table, a project at a time, with an audit row in
/// History for every change. The register keeps the day a reserve project converted; a progress report is kept
/// beside the earlier ones, and one that lowers the year-to-date figure is kept marked and told in the receipt;
/// problems raised with a report are put on the problem list; a department closes only its own problems.
/// Applying the same file twice changes nothing the second time.
/// </summary>
public sealed class ProjectFileApplier(StorageAccount storage, IOptions<KeyProjectOptions> options, TimeProvider time)
{
    public sealed record Outcome(int Applied, int Unchanged, IReadOnlyList<RowError> Refused, IReadOnlyList<string> Notes);

    public async Task<Outcome> ApplyAsync(IEnumerable<ProjectFileRow> rows, string department, string blobName, ReferenceData reference, DateOnly fileDate, CancellationToken cancellationToken)
    {
        var (applied, unchanged) = (0, 0);
        var refused = new List<RowError>();
        var notes = new List<string>();
        var at = time.GetUtcNow();
        foreach (var row in rows)
        {
            var project = (await storage.KeyProjects.QueryAsync<KeyProjectEntity>(e => e.PartitionKey == KeyOf(row), cancellationToken: cancellationToken).ToListAsync(cancellationToken))
                .ToDictionary(e => e.RowKey, StringComparer.Ordinal);
            var changes = row switch
            {
                RegisterRow r => Register(r, project, blobName),
                ProgressRow p => Progress(p, project, blobName, reference, notes),
                ProblemRow p => Problem(p, project, department, blobName, reference, fileDate, refused),
                _ => [],
            };
            if (changes.Count == 0)
            {
                unchanged += refused.Count > 0 && refused[^1].Line == row.Line ? 0 : 1;
                continue;
            }

            var history = changes.Select(c => HistoryEntity.Change(c.PartitionKey, c.RowKey, "key-project", project.GetValueOrDefault(c.RowKey)?.Summary(), c.Summary(), at, blobName)).ToList();
            await TableBatches.InsertOrReplaceAsync(storage.History, history, EntitySize.Estimate, cancellationToken);
            await TableBatches.SubmitAsync(storage.KeyProjects, changes.Select(c => new TableTransactionAction(TableTransactionActionType.UpsertReplace, c)), EntitySize.Estimate, cancellationToken);
            applied++;
        }

        return new Outcome(applied, unchanged, refused, notes);
    }

    private static string KeyOf(ProjectFileRow row) => row switch
    {
        RegisterRow r => r.Project.Code,
        ProgressRow p => p.Report.ProjectCode,
        ProblemRow p => p.ProjectCode,
        _ => throw new ArgumentOutOfRangeException(nameof(row)),
    };

    private static List<KeyProjectEntity> Register(RegisterRow row, Dictionary<string, KeyProjectEntity> project, string blobName)
    {
        var known = project.GetValueOrDefault(KeyProjectEntity.RegisterKey)?.ToProject();
        var next = row.Project;
        if (next.ConvertedOn is null && known is not null)
        {
            // A reserve project that the register now shows started converted on its start (or, without one, on the file's date).
            next = next with
            {
                ConvertedOn = known.ConvertedOn
                    ?? (known.Nature == ProjectNature.Reserve && next.Nature != ProjectNature.Reserve ? next.StartedOn ?? next.AsOf : null),
            };
        }

        return known is not null && known with { AsOf = next.AsOf } == next ? [] : [KeyProjectEntity.From(next, blobName)];
    }

    private List<KeyProjectEntity> Progress(ProgressRow row, Dictionary<string, KeyProjectEntity> project, string blobName, ReferenceData reference, List<string> notes)
    {
        var report = row.Report;
        var earlier = project.Values.Where(e => e.IsProgress).Select(e => e.ToProgress())
            .Where(p => p.ReportedOn < report.ReportedOn && p.ReportedOn.Year == report.ReportedOn.Year)
            .MaxBy(p => p.ReportedOn);
        decimal? lowered = earlier is not null && report.YearToDate < earlier.YearToDate ? earlier.YearToDate : null;
        if (lowered is not null)
        {
            notes.Add($"第 {row.Line} 行：{report.ProjectCode} 本年完成投资 {report.YearToDate} 万元低于 {IsoDate.Format(earlier!.ReportedOn)} 报送的 {lowered} 万元，已标记待核实；line {row.Line}: {report.ProjectCode} reports {report.YearToDate} 万元 done this year, less than the {lowered} 万元 of {IsoDate.Format(earlier.ReportedOn)}: kept and marked for checking.");
        }

        var changes = new List<KeyProjectEntity>();
        var entity = KeyProjectEntity.From(report, blobName, lowered);
        if (project.GetValueOrDefault(entity.RowKey)?.ToProgress() != report)
        {
            changes.Add(entity);
        }

        if (report.NewProblems.Length > 0)
        {
            var register = project.GetValueOrDefault(KeyProjectEntity.RegisterKey);
            var calendar = reference.Calendars.ForRegion(ProjectCode.Region(report.ProjectCode));
            var problem = new ProjectProblem
            {
                ProjectCode = report.ProjectCode,
                Id = $"{report.ReportedOn:yyyyMMdd}-{TableKey.Hash(report.NewProblems)[..6]}",
                Text = report.NewProblems,
                Department = register?.ResponsibleUnit ?? "development-reform",
                RaisedOn = report.ReportedOn,
                DueOn = calendar.AddWorkingDays(report.ReportedOn, options.Value.ProblemWorkingDays),
            };
            if (!project.ContainsKey(KeyProjectEntity.ProblemKey(problem.Id)))
            {
                changes.Add(KeyProjectEntity.From(problem, blobName));
            }
        }

        return changes;
    }

    private List<KeyProjectEntity> Problem(ProblemRow row, Dictionary<string, KeyProjectEntity> project, string department, string blobName, ReferenceData reference, DateOnly fileDate, List<RowError> refused)
    {
        var known = project.GetValueOrDefault(KeyProjectEntity.ProblemKey(row.Id))?.ToProblem();
        var isDrc = department == "development-reform";
        List<KeyProjectEntity> Refuse(string reason)
        {
            refused.Add(new RowError(row.Line, ProjectFileKind.ProblemId.Label, reason, row.Id));
            return [];
        }

        ProjectProblem next;
        if (known is null)
        {
            var owner = row.Department ?? project.GetValueOrDefault(KeyProjectEntity.RegisterKey)?.ResponsibleUnit;
            if (row.Text is null || owner is null)
            {
                return Refuse("新问题须写明问题描述和责任部门；a new problem needs its text and the department that must solve it");
            }

            if (!isDrc && owner != department)
            {
                return Refuse($"本部门只能报送本部门的问题；a department may raise only its own problems, not {owner}'s");
            }

            var raised = row.RaisedOn ?? fileDate;
            var calendar = reference.Calendars.ForRegion(ProjectCode.Region(row.ProjectCode));
            next = new ProjectProblem
            {
                ProjectCode = row.ProjectCode, Id = row.Id, Text = row.Text, Department = owner, RaisedOn = raised,
                DueOn = calendar.AddWorkingDays(raised, row.DueWorkingDays ?? options.Value.ProblemWorkingDays),
            };
        }
        else
        {
            if (!isDrc && known.Department != department)
            {
                return Refuse($"该问题由{Domain.Catalogue.Department.Find(known.Department)?.ChineseName}负责，本部门无权销号；the problem is {known.Department}'s to solve, not {department}'s");
            }

            next = known with { Text = isDrc && row.Text is not null ? row.Text : known.Text };
        }

        if (row.Solved)
        {
            next = next with { SolvedOn = row.SolvedOn, SolvedBy = row.SolvedBy };
        }

        if (next.SolvedOn < next.RaisedOn)
        {
            return Refuse("销号日期早于提出日期；closed before it was raised");
        }

        return next == known ? [] : [KeyProjectEntity.From(next, blobName)];
    }
}
