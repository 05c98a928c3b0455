using ApprovalWatch.Deadlines;
using ApprovalWatch.Storage;
using ApprovalWatch.Submissions;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;

namespace ApprovalWatch.Ingestion;

/// <summary>What applying a file's valid rows did.</summary>
public sealed record ApplyResult(int Applied, int Unchanged, IReadOnlyList<StaleRow> Stale);

/// <summary>
/// Applies valid rows to the Procedures table: one read of each project partition, then entity-group
/// transactions of up to 100 rows, each conditional on the ETag read, so that a concurrent writer is
/// never overwritten blindly: on a conflict the partition is read again and the rows re-decided.
/// A row older than the stored state is stale and skipped. Retries are harmless: a row whose facts
/// already came from this same file counts as applied, not unchanged.
/// </summary>
public sealed class ProcedureApplier(StorageAccount storage, ILogger<ProcedureApplier> logger)
{
    private const int MaxAttempts = 5;

    public async Task<ApplyResult> ApplyAsync(IReadOnlyList<SubmittedRow> rows, string blobName, string contentHash, CancellationToken cancellationToken)
    {
        var applied = 0;
        var unchanged = 0;
        var stale = new List<StaleRow>();
        foreach (var project in rows.GroupBy(r => r.Procedure.ProjectCode, StringComparer.Ordinal))
        {
            var result = await ApplyProjectAsync(project.Key, project.ToList(), blobName, contentHash, cancellationToken);
            applied += result.Applied;
            unchanged += result.Unchanged;
            stale.AddRange(result.Stale);
        }

        return new ApplyResult(applied, unchanged, stale.OrderBy(s => s.Line).ToList());
    }

    private async Task<ApplyResult> ApplyProjectAsync(string projectCode, List<SubmittedRow> rows, string blobName, string contentHash, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var stored = new Dictionary<string, ProcedureEntity>(StringComparer.Ordinal);
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {projectCode}");
            await foreach (var entity in storage.Procedures.QueryAsync<ProcedureEntity>(filter, cancellationToken: cancellationToken))
            {
                stored[entity.RowKey] = entity;
            }

            var plan = Plan(rows, stored, blobName, contentHash);
            try
            {
                await TableBatches.SubmitAsync(storage.History, plan.History.Select(h => new TableTransactionAction(TableTransactionActionType.UpsertReplace, h)), EntitySize.Estimate, cancellationToken);
                await TableBatches.SubmitAsync(storage.Procedures, plan.Writes, EntitySize.Estimate, cancellationToken);
                return plan.Result;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < MaxAttempts)
            {
                logger.LogWarning("Project {Project} changed while {Blob} was applied (HTTP {Status}); reading it again (attempt {Attempt})", projectCode, blobName, e.Status, attempt);
            }
        }
    }

    private (List<TableTransactionAction> Writes, List<HistoryEntity> History, ApplyResult Result) Plan(
        List<SubmittedRow> rows, Dictionary<string, ProcedureEntity> stored, string blobName, string contentHash)
    {
        var writes = new List<TableTransactionAction>();
        var history = new List<HistoryEntity>();
        var stale = new List<StaleRow>();
        var applied = 0;
        var unchanged = 0;
        var source = $"{blobName}#{contentHash[..12]}";
        foreach (var (line, report) in rows)
        {
            if (!stored.TryGetValue(report.ProcedureCode, out var current))
            {
                writes.Add(new TableTransactionAction(TableTransactionActionType.Add, ProcedureEntity.From(report, blobName, contentHash, line)));
                history.Add(HistoryEntity.Change(report.ProjectCode, report.ProcedureCode, "status", null, report.Status.Code(), report.AsOf, source));
                applied++;
                continue;
            }

            var known = current.ToProcedure();
            if (report.AsOf < known.AsOf)
            {
                stale.Add(new StaleRow(line, report.ProjectCode, report.ProcedureCode, report.AsOf, known.AsOf));
                continue;
            }

            var merged = report with { Pauses = PauseRecord.Combine(known.Pauses, report) };
            if (merged.SameFactsAs(known))
            {
                if (current.SourceHash == contentHash)
                {
                    applied++;
                }
                else
                {
                    unchanged++;
                }

                continue;
            }

            writes.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace, ProcedureEntity.From(merged, blobName, contentHash, line).WithScanFieldsOf(current), current.ETag));
            if (known.Status != merged.Status)
            {
                history.Add(HistoryEntity.Change(report.ProjectCode, report.ProcedureCode, "status", known.Status.Code(), merged.Status.Code(), merged.AsOf, source));
            }

            applied++;
        }

        return (writes, history, new ApplyResult(applied, unchanged, stale));
    }
}
