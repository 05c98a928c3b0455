using System.Runtime.CompilerServices;
using ApprovalWatch.Domain.Projects;
using Azure;
using Azure.Data.Tables;

namespace ApprovalWatch.Pipeline.Storage;

/// <summary>
/// The one owner of the KeyProjects table: a project's rows written by its files, a problem replaced by its handover
/// (conditional on what was read), and the reads of the register, the progress reports and the problems.
/// </summary>
public sealed class KeyProjectTable(StorageAccount storage)
{
    /// <summary>The register, the progress reports and the problems of every project.</summary>
    public sealed record Contents(List<RegisteredProject> Projects, List<ProgressReport> Progress, List<ProjectProblem> Problems);

    private TableClient Table => storage.KeyProjects;

    public async Task<Contents> ReadAllAsync(CancellationToken cancellationToken)
    {
        var contents = new Contents([], [], []);
        await foreach (var row in Table.QueryAsync<KeyProjectEntity>(cancellationToken: cancellationToken))
        {
            if (row.IsRegister)
            {
                contents.Projects.Add(row.ToProject());
            }
            else if (row.IsProgress)
            {
                contents.Progress.Add(row.ToProgress());
            }
            else if (row.IsProblem)
            {
                contents.Problems.Add(row.ToProblem());
            }
        }

        return contents;
    }

    /// <summary>Every project's problems, solved or not.</summary>
    public async IAsyncEnumerable<ProjectProblem> ProblemsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in Table.QueryAsync<KeyProjectEntity>(KeyProjectEntity.ProblemRows, cancellationToken: cancellationToken))
        {
            yield return row.ToProblem();
        }
    }

    /// <summary>The register rows and problem rows of a range of projects (all: null), what the daily scan needs.</summary>
    public AsyncPageable<KeyProjectEntity> RegistersAndProblemsAsync(string? range, CancellationToken cancellationToken)
    {
        var rows = $"({TableClient.CreateQueryFilter($"RowKey eq {KeyProjectEntity.RegisterKey}")} or ({KeyProjectEntity.ProblemRows}))";
        return Table.QueryAsync<KeyProjectEntity>(range is { } within ? $"{within} and {rows}" : rows, cancellationToken: cancellationToken);
    }

    /// <summary>The projects a leader is in charge of, by the register.</summary>
    public Task<List<string>> LedByAsync(string leaderEmail, CancellationToken cancellationToken) =>
        Table
            .QueryAsync<KeyProjectEntity>(
                TableClient.CreateQueryFilter($"RowKey eq {KeyProjectEntity.RegisterKey} and LeaderEmail eq {leaderEmail.ToLowerInvariant()}"),
                select: [nameof(ITableEntity.PartitionKey)],
                cancellationToken: cancellationToken
            )
            .Select(e => e.PartitionKey)
            .ToListAsync(cancellationToken)
            .AsTask();

    /// <summary>A project's rows by their keys.</summary>
    public async Task<Dictionary<string, KeyProjectEntity>> OfProjectAsync(string projectCode, CancellationToken cancellationToken) =>
        (await Table.QueryAsync<KeyProjectEntity>(e => e.PartitionKey == projectCode, cancellationToken: cancellationToken).ToListAsync(cancellationToken))
        .ToDictionary(e => e.RowKey, StringComparer.Ordinal);

    /// <summary>A problem as stored, with the ETag its replacement is conditional on; null when there is none.</summary>
    public async Task<(KeyProjectEntity Row, ETag ETag)?> FindProblemAsync(string projectCode, string id, CancellationToken cancellationToken)
    {
        var found = await Table.GetEntityIfExistsAsync<KeyProjectEntity>(projectCode, KeyProjectEntity.ProblemKey(id), cancellationToken: cancellationToken);
        return found.HasValue && found.Value is { } row ? (row, row.ETag) : null;
    }

    /// <summary>Rows a file's change brings, written whole.</summary>
    public Task WriteAsync(IEnumerable<KeyProjectEntity> rows, CancellationToken cancellationToken) =>
        TableBatches.SubmitAsync(
            Table,
            rows.Select(c => new TableTransactionAction(TableTransactionActionType.UpsertReplace, c)),
            EntitySize.Estimate,
            cancellationToken
        );

    /// <summary>Replaces a row if it is still as read (<paramref name="etag"/>); false when it changed meanwhile.</summary>
    public async Task<bool> ReplaceAsync(KeyProjectEntity row, ETag etag, CancellationToken cancellationToken)
    {
        try
        {
            await Table.UpdateEntityAsync(row, etag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return false;
        }
    }
}
