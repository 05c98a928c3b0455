using Azure.Data.Tables;

namespace ApprovalWatch.Pipeline.Storage;

/// <summary>
/// Entity-group transactions as the real service allows them: one partition per batch, at most 100
/// operations, under 4 MiB. Azurite does not enforce these rules, so the code must.
/// </summary>
public static class TableBatches
{
    public const int MaxOperations = 100;

    // The service allows 4 MiB per batch; stay well under it to leave room for the request's envelope.
    public const int MaxBytes = 3 * 1024 * 1024;

    /// <summary>Splits actions into batches that each touch one partition and respect the limits.</summary>
    public static IEnumerable<IReadOnlyList<TableTransactionAction>> Split(
        IEnumerable<TableTransactionAction> actions,
        Func<ITableEntity, int> sizeOf
    )
    {
        foreach (var partition in actions.GroupBy(a => a.Entity.PartitionKey, StringComparer.Ordinal))
        {
            var batch = new List<TableTransactionAction>();
            var bytes = 0;
            foreach (var action in partition)
            {
                var size = sizeOf(action.Entity);
                if (batch.Count == MaxOperations || (batch.Count > 0 && bytes + size > MaxBytes))
                {
                    yield return batch;
                    batch = [];
                    bytes = 0;
                }

                batch.Add(action);
                bytes += size;
            }

            if (batch.Count > 0)
            {
                yield return batch;
            }
        }
    }

    /// <param name="parallelism">Batches in flight at once (they touch different partitions, or the same partition's distinct rows).</param>
    public static Task SubmitAsync(
        TableClient table,
        IEnumerable<TableTransactionAction> actions,
        Func<ITableEntity, int> sizeOf,
        CancellationToken cancellationToken,
        int parallelism = 1
    ) =>
        Parallel.ForEachAsync(
            Split(actions, sizeOf),
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (batch, ct) => await table.SubmitTransactionAsync(batch, ct)
        );

    /// <summary>
    /// Writes rows that are normally new (audit rows with deterministic keys) as inserts, which the store takes
    /// faster than upserts; a batch that meets a row written before (a retry) is written again as upserts.
    /// </summary>
    public static Task InsertOrReplaceAsync(
        TableClient table,
        IEnumerable<ITableEntity> entities,
        Func<ITableEntity, int> sizeOf,
        CancellationToken cancellationToken,
        int parallelism = 1
    ) =>
        Parallel.ForEachAsync(
            Split(entities.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)), sizeOf),
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (batch, ct) =>
            {
                try
                {
                    await table.SubmitTransactionAsync(batch, ct);
                }
                catch (Azure.RequestFailedException e) when (e.Status == 409)
                {
                    await table.SubmitTransactionAsync(
                        batch.Select(a => new TableTransactionAction(TableTransactionActionType.UpsertReplace, a.Entity)).ToList(),
                        ct
                    );
                }
            }
        );
}
