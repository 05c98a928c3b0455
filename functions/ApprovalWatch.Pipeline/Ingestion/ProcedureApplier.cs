using ApprovalWatch.Domain.Audit;
using ApprovalWatch.Domain.Calendar;
using ApprovalWatch.Domain.Catalogue;
using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Domain.Receipts;
using ApprovalWatch.Domain.Projects;
using ApprovalWatch.Domain.Reports;
using ApprovalWatch.Domain.Submissions;
using ApprovalWatch.Domain.Text;
using ApprovalWatch.Pipeline.Storage;
using Azure;
using Microsoft.Extensions.Logging;

namespace ApprovalWatch.Pipeline.Ingestion;

/// <summary>
/// Applies valid rows to the Procedures table, a chunk of rows at a time so memory stays flat: one read
/// of each project partition, then its new procedures (inserts) and changed ones (replaces conditional on the
/// ETag read) together in entity-group transactions of up to 100, and the audit rows that describe them. A
/// concurrent writer is never overwritten blindly: a 409 or 412 fails the batch, the partition is read again
/// and its rows re-decided, so two files are applied in data-date order whichever comes first (the race test
/// interleaves the other writer just before the batch). A row older than the stored state is stale and
/// skipped. Retries are harmless: a row whose facts already came from this same file counts as applied, not
/// unchanged.
/// </summary>
public sealed class ProcedureApplier(ProcedureTable procedures, HistoryLog log, ILogger<ProcedureApplier> logger)
{
    private const int MaxAttempts = 8;
    private const int ChunkRows = 2_000;
    private const int Parallelism = 8;

    /// <param name="catalogue">What each procedure requires before it, for the receipt's notes on approvals that came first; null: not checked.</param>
    public async Task<ApplyResult> ApplyAsync(
        IEnumerable<SubmittedRow> rows,
        string blobName,
        string contentHash,
        CancellationToken cancellationToken,
        ProcedureCatalogue? catalogue = null,
        string? uploader = null
    )
    {
        var results = new List<ApplyResult>();
        // Partitions are independent: several are read and written at once, the file read a chunk of rows at a time and
        // the next chunk's projects started as soon as a worker is free (no wait for a chunk's slowest project).
        var projects = rows.Chunk(ChunkRows).SelectMany(chunk => chunk.GroupBy(r => r.Procedure.ProjectCode, StringComparer.Ordinal));
        await Parallel.ForEachAsync(
            projects,
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (project, ct) =>
            {
                var result = await ApplyProjectAsync(project.Key, project.ToList(), blobName, contentHash, catalogue, uploader, ct);
                lock (results)
                {
                    results.Add(result);
                }
            }
        );

        return new ApplyResult(
            results.Sum(r => r.Applied),
            results.Sum(r => r.Unchanged),
            results.SelectMany(r => r.Stale).OrderBy(s => s.Line).ToList()
        )
        {
            Backdated = [.. results.SelectMany(r => r.Backdated).OrderBy(b => b.Line)],
            Contradictions = [.. results.SelectMany(r => r.Contradictions).OrderBy(c => c.Line)],
            Refused = [.. results.SelectMany(r => r.Refused).OrderBy(e => e.Line)],
            Changes = [.. results.SelectMany(r => r.Changes).OrderBy(c => c.Line)],
            Conflicts = [.. results.SelectMany(r => r.Conflicts).OrderBy(c => c.Line)],
        };
    }

    private async Task<ApplyResult> ApplyProjectAsync(
        string projectCode,
        List<SubmittedRow> rows,
        string blobName,
        string contentHash,
        ProcedureCatalogue? catalogue,
        string? uploader,
        CancellationToken cancellationToken
    )
    {
        for (var attempt = 1; ; attempt++)
        {
            var stored = await procedures.OfProjectAsync(projectCode, cancellationToken);

            var plan = Plan(rows, stored, blobName, contentHash, catalogue, uploader);
            try
            {
                // The rows first, then the audit trail that describes them: a retry after a crash in between writes it then.
                await procedures.WriteProjectAsync(plan.Additions, plan.Changes, cancellationToken);

                await log.AppendAsync(plan.History, cancellationToken);

                return plan.Result;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < MaxAttempts)
            {
                logger.LogInformation(
                    "Project {Project} changed while {Blob} was applied (HTTP {Status}); reading it again (attempt {Attempt})",
                    projectCode,
                    blobName,
                    e.Status,
                    attempt
                );
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(10, 50) * attempt), cancellationToken);
            }
        }
    }

    // What the file brings against the catalogue's order, both ways (the domain's FileContradictions), once it is applied.
    private static List<(int Line, Reason Note)> Contradictions(
        List<SubmittedRow> rows,
        Dictionary<string, ProcedureEntity> stored,
        List<ProcedureEntity> additions,
        List<ProcedureEntity> changes,
        ProcedureCatalogue? catalogue
    )
    {
        if (catalogue is null)
        {
            return [];
        }

        var written = additions.Concat(changes).ToList();
        var after = stored.Values.Select(e => e.ToProcedure()).ToDictionary(p => p.ProcedureCode, StringComparer.Ordinal);
        foreach (var row in written)
        {
            after[row.RowKey] = row.ToProcedure();
        }

        return FileContradictions.Of(
            [.. written.Select(row => new FileContradictions.Written(row.SourceLine, after[row.RowKey], stored.GetValueOrDefault(row.RowKey)?.ToProcedure()))],
            after,
            catalogue
        );
    }

    /// <summary>The writes that apply a project's rows to what is stored, as the domain decides them.</summary>
    private static (List<ProcedureEntity> Additions, List<ProcedureEntity> Changes, List<AuditEvent> History, ApplyResult Result) Plan(
        List<SubmittedRow> rows,
        Dictionary<string, ProcedureEntity> stored,
        string blobName,
        string contentHash,
        ProcedureCatalogue? catalogue,
        string? uploader
    )
    {
        var additions = new List<ProcedureEntity>();
        var changes = new List<ProcedureEntity>();
        var history = new List<AuditEvent>();
        var stale = new List<StaleRow>();
        var backdated = new List<Backdated>();
        var (refused, appliedChanges, conflicts) = (new List<RowError>(), new List<AppliedChange>(), new List<(int, Reason)>());
        var (applied, unchanged) = (0, 0);
        var source = $"{blobName}#{contentHash[..12]}";
        foreach (var submitted in rows)
        {
            var (line, report) = submitted;
            var current = stored.GetValueOrDefault(report.ProcedureCode);
            var known = current?.ToProcedure();
            var decision = ReportDecision.Decide(known, current?.SourceHash == contentHash, report, submitted.Correction);
            switch (decision.Outcome)
            {
                case ReportOutcome.Backwards:
                    refused.Add(
                        new RowError(
                            line,
                            SubmissionColumn.Status.Label,
                            Reason.Of("row.moves_back", known!.Status.Code(), known.CompletedOn, current!.SourceBlob, OfficeClock.DateOf(known.AsOf)),
                            $"{report.Status.Code()} {IsoDate.Format(report.CompletedOn)}".Trim()
                        )
                    );
                    continue;
                case ReportOutcome.Stale:
                    stale.Add(new StaleRow(line, report.ProjectCode, report.ProcedureCode, report.AsOf, known!.AsOf));
                    // An older file arriving late that still shows open what the stored report says was finished before its date.
                    if (Backdated.Of(line, report, blobName, known, current!.SourceBlob) is { } before)
                    {
                        backdated.Add(before);
                        history.Add(Late(before, known.AsOf, current.Department, line));
                    }

                    continue;
                case ReportOutcome.Unchanged:
                    unchanged++;
                    continue;
                case ReportOutcome.AlreadyApplied when current!.StatusChangedFrom is { } from:
                    history.Add(StatusChange(report, from.Length == 0 ? null : from, current, line));
                    break;
                case ReportOutcome.Added or ReportOutcome.Changed:
                    var row = ProcedureEntity.From(decision.NewState!, blobName, contentHash, line);
                    appliedChanges.Add(
                        AppliedChange.Between(line, known, decision.NewState!, submitted.Correction, catalogue?.Find(decision.NewState!.ProcedureCode))
                    );
                    if (known is not null && submitted.Correction is { } reason && ReportDecision.MovesBack(known, decision.NewState!))
                    {
                        history.Add(
                            new Corrected(reason)
                            {
                                Project = report.ProjectCode,
                                Item = report.ProcedureCode,
                                At = row.AsOf,
                                Source = source,
                                Department = row.Department,
                                Line = line,
                                Uploader = uploader,
                            }
                        );
                    }
                    else if (known is not null && report.AsOf == known.AsOf && current!.SourceBlob != blobName)
                    {
                        var storedOn = OfficeClock.DateOf(known.AsOf);
                        var conflict = Reason.Of("row.same_date_conflict", line, report.ProjectCode, report.ProcedureCode, current.SourceBlob, storedOn);
                        conflicts.Add((line, conflict));
                    }

                    if (known is not null && Backdated.Of(line, known, current!.SourceBlob, decision.NewState!, blobName) is { } late)
                    {
                        backdated.Add(late);
                        history.Add(Late(late, row.AsOf, row.Department, line));
                    }

                    if (decision.StatusChanged)
                    {
                        row.StatusChangedFrom = decision.StatusBefore?.Code() ?? "";
                        history.Add(StatusChange(report, decision.StatusBefore?.Code(), row, line));
                    }

                    (current is null ? additions : changes).Add(current is null ? row : row.WithScanFieldsOf(current));
                    break;
            }

            applied++;
        }

        return (
            additions,
            changes,
            history,
            new ApplyResult(applied, unchanged, stale)
            {
                Backdated = backdated,
                Contradictions = Contradictions(rows, stored, additions, changes, catalogue),
                Refused = refused,
                Changes = appliedChanges,
                Conflicts = conflicts,
            }
        );

        ReportBackdated Late(Backdated late, DateTimeOffset at, string department, int line) =>
            new(late.EarlierFile, late.EarlierAsOf, late.LaterFile, late.What, late.Reported)
            {
                Project = late.ProjectCode,
                Item = late.Procedure,
                At = at,
                Source = source,
                Department = department,
                Line = line,
                Uploader = uploader,
            };

        StatusChanged StatusChange(Procedure report, string? from, ProcedureEntity now, int line) =>
            new(ProcedureStatuses.TryParse(from ?? "", out var before) ? before : null, ProcedureStatuses.TryParse(now.Status, out var to) ? to : default)
            {
                Project = report.ProjectCode,
                Item = report.ProcedureCode,
                At = now.AsOf,
                Source = source,
                Department = now.Department,
                Line = line,
                Uploader = uploader,
            };
    }
}
