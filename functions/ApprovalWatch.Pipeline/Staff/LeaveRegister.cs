using ApprovalWatch.Domain.Text;
using ApprovalWatch.Pipeline.Storage;
using Azure;
using Azure.Data.Tables;

namespace ApprovalWatch.Pipeline.Staff;

/// <summary>
/// The absences people enter themselves on the board's leave page (the Leave table: PartitionKey = the person, RowKey =
/// <c>{from}|{to}</c>), beside those the operator keeps in <c>config/leave.csv</c>; the reference data carries both.
/// </summary>
public sealed class LeaveRegister(StorageAccount storage)
{
    /// <summary>Everyone's absences entered on the board.</summary>
    public Task<List<(string Email, DateOnly From, DateOnly To)>> ListAsync(CancellationToken cancellationToken) => ReadAsync(null, cancellationToken);

    /// <summary>One person's, read from his partition alone.</summary>
    public Task<List<(string Email, DateOnly From, DateOnly To)>> OfAsync(string email, CancellationToken cancellationToken) =>
        ReadAsync(TableClient.CreateQueryFilter($"PartitionKey eq {Key(email)}"), cancellationToken);

    public Task AddAsync(string email, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        storage.Leave.UpsertEntityAsync(new TableEntity(Key(email), Row(from, to)), cancellationToken: cancellationToken);

    /// <summary>Takes back an absence the person entered; false when there is none such.</summary>
    public async Task<bool> RemoveAsync(string email, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        // A delete of a missing entity succeeds silently: look first.
        var found = await storage.Leave.GetEntityIfExistsAsync<TableEntity>(Key(email), Row(from, to), ["PartitionKey"], cancellationToken);
        if (!found.HasValue)
        {
            return false;
        }

        await storage.Leave.DeleteEntityAsync(Key(email), Row(from, to), ETag.All, cancellationToken);
        return true;
    }

    private async Task<List<(string Email, DateOnly From, DateOnly To)>> ReadAsync(string? filter, CancellationToken cancellationToken)
    {
        var absences = new List<(string, DateOnly, DateOnly)>();
        await foreach (var row in storage.Leave.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            if (row.RowKey.Split('|') is [var from, var to] && IsoDate.TryParse(from, out var f) && IsoDate.TryParse(to, out var t))
            {
                absences.Add((Uri.UnescapeDataString(row.PartitionKey), f, t));
            }
        }

        return absences;
    }

    private static string Key(string email) => TableKey.Escape(email.ToLowerInvariant());

    private static string Row(DateOnly from, DateOnly to) => $"{IsoDate.Format(from)}|{IsoDate.Format(to)}";
}
