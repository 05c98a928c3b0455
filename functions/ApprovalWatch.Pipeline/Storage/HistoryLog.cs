using System.Runtime.CompilerServices;
using ApprovalWatch.Domain.Audit;
using Azure;
using Azure.Data.Tables;

namespace ApprovalWatch.Pipeline.Storage;

/// <summary>
/// The one owner of the History table: audit rows appended (a retry writes the same rows again, another change a row of
/// its own; the procedures one file adds to a project listed together), taken back only when the conditional write they
/// describe did not happen, read by kind or by project; and the markers of used acknowledgement links, kept after every
/// audit row's key.
/// </summary>
public sealed class HistoryLog(StorageAccount storage)
{
    private TableClient Table => storage.History;

    public Task AppendAsync(IEnumerable<AuditEvent> changes, CancellationToken cancellationToken) =>
        TableBatches.InsertOrReplaceAsync(Table, [.. HistoryEvents.Rows(changes)], EntitySize.Estimate, cancellationToken);

    public Task AppendAsync(AuditEvent change, CancellationToken cancellationToken) =>
        Table.UpsertEntityAsync(HistoryEvents.Row(change), cancellationToken: cancellationToken);

    /// <summary>Takes back the row of a change that did not happen (its conditional write lost to another): none may say it did.</summary>
    public Task WithdrawAsync(AuditEvent change, CancellationToken cancellationToken) => DeleteAsync(HistoryEvents.Row(change), cancellationToken);

    /// <summary>Every change of a kind, from a time on.</summary>
    public async IAsyncEnumerable<T> ReadAsync<T>(DateTimeOffset? since, [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : AuditEvent
    {
        var ofKinds = string.Join(" or ", HistoryEvents.KindsOf<T>().Select(k => TableClient.CreateQueryFilter($"Kind eq {k}")));
        var filter = since is { } from ? $"({ofKinds}) and {TableClient.CreateQueryFilter($"At ge {from}")}" : ofKinds;
        await foreach (var row in Table.QueryAsync<HistoryEntity>(filter, cancellationToken: cancellationToken))
        {
            foreach (var change in HistoryEvents.ReadAll(row).OfType<T>())
            {
                yield return change;
            }
        }
    }

    /// <summary>
    /// A project's audit rows in two reads: those with newest-first keys (newest first), and those written before them;
    /// each stops at <paramref name="take"/> rows that pass <paramref name="shown"/> or five times as many read.
    /// </summary>
    public async Task<IReadOnlyList<AuditEvent>> OfProjectAsync(string code, int take, Func<AuditEvent, bool> shown, CancellationToken cancellationToken)
    {
        Task<List<AuditEvent>> ReadAsync(string filter) =>
            Table
                .QueryAsync<HistoryEntity>(filter, maxPerPage: take, cancellationToken: cancellationToken)
                .Take(take * 5)
                .SelectMany(row => HistoryEvents.ReadAll(row).ToAsyncEnumerable())
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

    /// <summary>Takes back a link's marker: the acknowledgement it let through did not happen.</summary>
    public Task WithdrawAsync(HistoryEntity marker, CancellationToken cancellationToken) => DeleteAsync(marker, cancellationToken);

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

    private Task DeleteAsync(HistoryEntity row, CancellationToken cancellationToken) =>
        Table.DeleteEntityAsync(row.PartitionKey, row.RowKey, cancellationToken: cancellationToken);
}
