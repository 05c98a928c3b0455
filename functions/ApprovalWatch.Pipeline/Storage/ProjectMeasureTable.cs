using Azure;
using Azure.Data.Tables;

namespace ApprovalWatch.Pipeline.Storage;

/// <summary>
/// The one owner of the Projects table: what the scan measured of each project's procedures, written by the scan, read by it
/// and the project page.
/// </summary>
public sealed class ProjectMeasureTable(StorageAccount storage)
{
    private TableClient Table => storage.Projects;

    /// <summary>The rows of a range of projects (all: null), in key order.</summary>
    public AsyncPageable<ProjectMeasureEntity> ForScanAsync(string? range, CancellationToken cancellationToken) =>
        Table.QueryAsync<ProjectMeasureEntity>(range, cancellationToken: cancellationToken);

    public Task<List<ProjectMeasureEntity>> OfProjectAsync(string projectCode, CancellationToken cancellationToken) =>
        Table
            .QueryAsync<ProjectMeasureEntity>(e => e.PartitionKey == projectCode, cancellationToken: cancellationToken)
            .ToListAsync(cancellationToken)
            .AsTask();

    /// <summary>Rows written whole.</summary>
    public Task WriteAsync(IEnumerable<ProjectMeasureEntity> rows, CancellationToken cancellationToken) =>
        TableBatches.SubmitAsync(
            Table,
            rows.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)),
            EntitySize.Estimate,
            cancellationToken
        );
}
