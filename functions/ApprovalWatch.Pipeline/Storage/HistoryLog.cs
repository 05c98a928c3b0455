using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;

namespace ApprovalWatch.Pipeline.Storage;

/// <summary>
/// The one owner of the History table: audit rows appended (a retry writes the same rows again, another change a row of
/// its own), taken back only when the conditional write they describe did not happen, read by kind or by project; and
/// the markers of used acknowledgement links, kept after every audit row's key.
/// </summary>
public sealed class HistoryLog(StorageAccount storage)
{
    private TableClient Table => storage.History;

    public Task AppendAsync(IReadOnlyList<HistoryEntity> rows, CancellationToken cancellationToken) =>
        TableBatches.InsertOrReplaceAsync(Table, rows, EntitySize.Estimate, cancellationToken);

    public Task AppendAsync(HistoryEntity row, CancellationToken cancellationToken) =>
        Table.UpsertEntityAsync(row, cancellationToken: cancellationToken);

    /// <summary>Takes back the row of a change that did not happen (its conditional write lost to another): none may say it did.</summary>
    public Task WithdrawAsync(HistoryEntity row, CancellationToken cancellationToken) =>
        Table.DeleteEntityAsync(row.PartitionKey, row.RowKey, cancellationToken: cancellationToken);

    /// <summary>Every row of the kinds, from a time on.</summary>
    public async IAsyncEnumerable<HistoryEntity> OfKindsAsync(
        IReadOnlyList<string> kinds,
        DateTimeOffset? since,
        [EnumeratorCancellation] CancellationToken cancellationToken
    )
    {
        var ofKinds = string.Join(" or ", kinds.Select(k => TableClient.CreateQueryFilter($"Kind eq {k}")));
        var filter = since is { } from ? $"({ofKinds}) and {TableClient.CreateQueryFilter($"At ge {from}")}" : ofKinds;
        await foreach (var row in Table.QueryAsync<HistoryEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return row;
        }
    }

    /// <summary>
    /// A project's audit rows in two reads: those with newest-first keys (newest first), and those written before them;
    /// each stops at <paramref name="take"/> rows that pass <paramref name="shown"/> or five times as many read.
    /// </summary>
    public async Task<IReadOnlyList<HistoryEntity>> OfProjectAsync(string code, int take, Func<HistoryEntity, bool> shown, CancellationToken cancellationToken)
    {
        Task<List<HistoryEntity>> ReadAsync(string filter) =>
            Table
                .QueryAsync<HistoryEntity>(filter, maxPerPage: take, cancellationToken: cancellationToken)
                .Take(take * 5)
                .Where(shown)
                .Take(take)
                .ToListAsync(cancellationToken)
                .AsTask();
        var newer = ReadAsync(TableClient.CreateQueryFilter($"PartitionKey eq {code} and RowKey lt {HistoryEntity.OldKeysFrom}"));
        var older = ReadAsync(
            TableClient.CreateQueryFilter($"PartitionKey eq {code} and RowKey ge {HistoryEntity.OldKeysFrom} and RowKey lt {HistoryEntity.UsedLinkPrefix}")
        );
        return [.. (await newer).Concat(await older)];
    }

    /// <summary>The row a used acknowledgement link leaves in its project's History partition (after every audit row's key).</summary>
    public static HistoryEntity UsedLinkMarker(string projectCode, string procedureCode, string? department, string tokenId) => new()
    {
        PartitionKey = projectCode,
        RowKey = $"{HistoryEntity.UsedLinkPrefix}{tokenId}",
        Procedure = procedureCode,
        Kind = "ack-link",
        To = tokenId,
        Department = department,
    };

    /// <summary>Whether a link's marker is there: the link was used.</summary>
    public async Task<bool> WasUsedAsync(HistoryEntity marker, CancellationToken cancellationToken) =>
        (await Table.GetEntityIfExistsAsync<HistoryEntity>(marker.PartitionKey, marker.RowKey, cancellationToken: cancellationToken)).HasValue;

    /// <summary>Leaves a link's marker, atomically: false when it was there already (a second use, however the two race).</summary>
    public async Task<bool> MarkUsedAsync(HistoryEntity marker, CancellationToken cancellationToken)
    {
        try
        {
            await Table.AddEntityAsync(marker, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }
}
