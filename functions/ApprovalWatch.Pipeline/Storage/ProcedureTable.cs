using System.Runtime.CompilerServices;
using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Domain.Submissions;
using ApprovalWatch.Domain.Text;
using Azure;
using Azure.Data.Tables;

namespace ApprovalWatch.Pipeline.Storage;

/// <summary>
/// The one owner of the Procedures table: rows added and replaced by ingestion (conditional on what it read), the scan's
/// columns merged by the scan, an acknowledgement's merged by the board, and the reads each of them needs.
/// </summary>
public sealed class ProcedureTable(StorageAccount storage)
{
    private static readonly string[] FactColumns =
    [
        nameof(ProcedureEntity.PartitionKey),
        nameof(ProcedureEntity.RowKey),
        nameof(ProcedureEntity.ProjectName),
        nameof(ProcedureEntity.Department),
        nameof(ProcedureEntity.County),
        nameof(ProcedureEntity.HandlerEmail),
        nameof(ProcedureEntity.Flag),
        nameof(ProcedureEntity.AcceptedOn),
        nameof(ProcedureEntity.DueOn),
        nameof(ProcedureEntity.CompletedOn),
        nameof(ProcedureEntity.FinishedLate),
        nameof(ProcedureEntity.Pauses),
        nameof(ProcedureEntity.DeemedAccepted),
        nameof(ProcedureEntity.MaterialsDueOn),
        nameof(ProcedureEntity.MaterialsSuppliedOn),
        nameof(ProcedureEntity.VerifyBy),
        nameof(ProcedureEntity.VerifiedOn),
    ];

    private TableClient Table => storage.Procedures;

    /// <summary>Rows that pass an OData filter (all rows: null), with only the <paramref name="select"/>ed columns when given.</summary>
    public AsyncPageable<ProcedureEntity> QueryAsync(
        string? filter = null,
        IEnumerable<string>? select = null,
        int? maxPerPage = null,
        CancellationToken cancellationToken = default
    ) => Table.QueryAsync<ProcedureEntity>(filter, maxPerPage, select, cancellationToken);

    /// <summary>What the daily scan reads of the rows in a range of projects (all: null), in key order.</summary>
    public AsyncPageable<ProcedureEntity> ForScanAsync(string? range, CancellationToken cancellationToken) =>
        QueryAsync(range, ProcedureEntity.ScanColumns, cancellationToken: cancellationToken);

    public async Task<Dictionary<string, ProcedureEntity>> OfProjectAsync(string projectCode, CancellationToken cancellationToken)
    {
        var rows = new Dictionary<string, ProcedureEntity>(StringComparer.Ordinal);
        await foreach (var row in QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {projectCode}"), cancellationToken: cancellationToken))
        {
            rows[row.RowKey] = row;
        }

        return rows;
    }

    public async Task<ProcedureEntity?> FindAsync(string projectCode, string procedureCode, CancellationToken cancellationToken)
    {
        var found = await Table.GetEntityIfExistsAsync<ProcedureEntity>(projectCode, procedureCode, cancellationToken: cancellationToken);
        return found.HasValue ? found.Value : null;
    }

    /// <summary>
    /// The locked cells (<see cref="LockedCells"/>) of these projects' rows, or of every row of the department when
    /// <paramref name="wholeDepartment"/>: what a pre-filled sheet's changed cells are matched against to name what they said.
    /// </summary>
    public async Task<List<LockedCells>> LockedCellsAsync(
        IEnumerable<string> projects,
        string department,
        bool wholeDepartment,
        CancellationToken cancellationToken
    )
    {
        string[] columns =
        [
            nameof(ProcedureEntity.PartitionKey), nameof(ProcedureEntity.RowKey), nameof(ProcedureEntity.ProjectName), nameof(ProcedureEntity.County),
        ];
        var filters = wholeDepartment
            ? [TableClient.CreateQueryFilter($"Department eq {department}")]
            : projects.Select(p => TableClient.CreateQueryFilter($"PartitionKey eq {p} and Department eq {department}"));
        var cells = new List<LockedCells>();
        foreach (var filter in filters)
        {
            await foreach (var row in QueryAsync(filter, columns, cancellationToken: cancellationToken))
            {
                cells.Add(new LockedCells(row.PartitionKey, row.ProjectName, row.County, row.RowKey));
            }
        }

        return cells;
    }

    /// <summary>The project code of every row, in key order (a project's once per procedure): what the first scan cuts its shards by.</summary>
    public async IAsyncEnumerable<string> ProjectOfEveryRowAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in Table.QueryAsync<TableEntity>(select: [nameof(ITableEntity.PartitionKey)], cancellationToken: cancellationToken))
        {
            yield return row.PartitionKey;
        }
    }

    /// <summary>
    /// A project's new rows (inserts, failing if any is there already) and its changed rows (replaced only if still as
    /// read), together in the partition's batches rather than a request per changed row: a 409 or 412 fails its batch
    /// whole and tells the caller to read the project again.
    /// </summary>
    public Task WriteProjectAsync(IEnumerable<ProcedureEntity> additions, IEnumerable<ProcedureEntity> changes, CancellationToken cancellationToken) =>
        TableBatches.SubmitAsync(
            Table,
            additions
                .Select(a => new TableTransactionAction(TableTransactionActionType.Add, a))
                .Concat(changes.Select(c => new TableTransactionAction(TableTransactionActionType.UpdateReplace, c, c.ETag))),
            EntitySize.Estimate,
            cancellationToken
        );

    /// <summary>The scan's columns of rows (<see cref="ProcedureEntity.Scanned"/>), merged.</summary>
    public Task WriteScanAsync(IEnumerable<ProcedureEntity> scanned, CancellationToken cancellationToken) =>
        TableBatches.SubmitAsync(
            Table,
            scanned.Select(s => new TableTransactionAction(TableTransactionActionType.UpdateMerge, ProcedureEntity.ScanFields.Of(s), ETag.All)),
            EntitySize.Estimate,
            cancellationToken
        );

    /// <summary>An acknowledgement's columns (<see cref="ProcedureEntity.Acknowledged"/>), merged if the row is still as read; false when it changed.</summary>
    public async Task<bool> WriteAcknowledgementAsync(ProcedureEntity acknowledged, CancellationToken cancellationToken)
    {
        try
        {
            await Table.UpdateEntityAsync(ProcedureEntity.AckFields.Of(acknowledged), acknowledged.ETag, TableUpdateMode.Merge, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return false;
        }
    }

    /// <summary>What <see cref="Domain.Digests.Meanwhile"/> reads of the procedures a person handles, and of a department's (none: null).</summary>
    public async Task<List<Domain.Digests.Meanwhile.Row>> HandledByAsync(string email, string? department, CancellationToken cancellationToken)
    {
        var filter = department is null
            ? TableClient.CreateQueryFilter($"HandlerEmail eq {email}")
            : TableClient.CreateQueryFilter($"HandlerEmail eq {email} or Department eq {department}");
        string[] columns = [nameof(ProcedureEntity.CompletedOn), nameof(ProcedureEntity.AckOn), nameof(ProcedureEntity.AckBy), nameof(ProcedureEntity.Flag)];
        return await QueryAsync(filter, columns, cancellationToken: cancellationToken)
            .Select(r => new Domain.Digests.Meanwhile.Row(IsoDate.ParseOptional(r.CompletedOn), IsoDate.ParseOptional(r.AckOn), r.AckBy, Flags.Parse(r.Flag)))
            .ToListAsync(cancellationToken);
    }

    /// <summary>What the reports need of every stored procedure (the weekly report, the monthly bulletin): its columns of facts, read in one scan.</summary>
    public async Task<List<ProcedureFacts>> FactsAsync(CancellationToken cancellationToken)
    {
        var procedures = new List<ProcedureFacts>();
        await foreach (var row in QueryAsync(select: FactColumns, cancellationToken: cancellationToken))
        {
            procedures.Add(
                new ProcedureFacts(
                    row.PartitionKey,
                    row.ProjectName,
                    row.RowKey,
                    row.Department,
                    row.County,
                    row.HandlerEmail,
                    Flags.Parse(row.Flag),
                    IsoDate.Parse(row.AcceptedOn),
                    IsoDate.ParseOptional(row.DueOn),
                    IsoDate.ParseOptional(row.CompletedOn),
                    row.FinishedLate == true,
                    row.PauseList()
                )
                {
                    DeemedAccepted = row.DeemedAccepted == true,
                    ReformDays =
                    [
                        .. ReformDay(ReformClock.Tolerance, row.MaterialsDueOn, row.MaterialsSuppliedOn),
                        .. ReformDay(ReformClock.Commitment, row.VerifyBy, row.VerifiedOn),
                    ],
                }
            );
        }

        return procedures;
    }

    private static IEnumerable<ReformDay> ReformDay(ReformClock clock, string? due, string? done) =>
        IsoDate.ParseOptional(due) is { } day ? [new(clock, day, IsoDate.ParseOptional(done))] : [];
}
