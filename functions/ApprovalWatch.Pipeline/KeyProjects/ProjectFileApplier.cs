using ApprovalWatch.Domain.Audit;
using ApprovalWatch.Domain.Text;
using ApprovalWatch.Domain.Projects;
using ApprovalWatch.Domain.Reference;
using ApprovalWatch.Domain.Submissions;
using ApprovalWatch.Pipeline.Storage;
using Microsoft.Extensions.Options;

namespace ApprovalWatch.Pipeline.KeyProjects;

/// <summary>
/// Applies the valid rows of a project file to the KeyProjects table, a project at a time, as
/// <see cref="ProjectFileDecision"/> decides them, with an audit row in History for every change. Applying the same
/// file twice changes nothing the second time.
/// </summary>
public sealed class ProjectFileApplier(KeyProjectTable keyProjects, HistoryLog log, IOptions<KeyProjectOptions> options, TimeProvider time)
{
    public sealed record Outcome(int Applied, int Unchanged, IReadOnlyList<RowError> Refused, IReadOnlyList<Reason> Notes);

    public async Task<Outcome> ApplyAsync(
        IEnumerable<ProjectFileRow> rows,
        string department,
        string blobName,
        ReferenceData reference,
        DateOnly fileDate,
        CancellationToken cancellationToken
    )
    {
        var (applied, unchanged) = (0, 0);
        var refused = new List<RowError>();
        var notes = new List<Reason>();
        var at = time.GetUtcNow();
        var decision = new ProjectFileDecision(department, fileDate, options.Value.ProblemWorkingDays, code =>
            reference.Calendars.ForRegion(ProjectCode.Region(code))
        );
        foreach (var row in rows)
        {
            var code = ProjectFileDecision.ProjectOf(row);
            var stored = await keyProjects.OfProjectAsync(code, cancellationToken);
            var change = decision.Decide(row, KeyProjectEntity.ToStoredProject(stored.Values));
            if (change.Note is { } note)
            {
                notes.Add(note);
            }

            notes.AddRange(change.Warnings);

            if (change.Refused is { } refusal)
            {
                refused.Add(refusal);
                continue;
            }

            if (change.ChangesNothing)
            {
                unchanged++;
                continue;
            }

            var changes = KeyProjectEntity.From(change, blobName);
            var unit = change.Register?.ResponsibleUnit ?? stored.GetValueOrDefault(KeyProjectEntity.RegisterKey)?.ResponsibleUnit;
            var history = changes.Select(c => new ProjectRowChanged(stored.GetValueOrDefault(c.RowKey)?.Summary(), c.Summary())
            {
                Project = c.PartitionKey,
                Item = c.RowKey,
                At = at,
                Source = blobName,
                Department = c.IsProblem ? c.Department : unit,
            });
            await log.AppendAsync(history, cancellationToken);
            await keyProjects.WriteAsync(changes, cancellationToken);
            applied++;
        }

        return new Outcome(applied, unchanged, refused, notes);
    }
}
