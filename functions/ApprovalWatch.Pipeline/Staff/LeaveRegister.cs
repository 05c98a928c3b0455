using ApprovalWatch.Domain.Staff;
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
    private long _version;

    /// <summary>What a person's change of his absences did.</summary>
    public enum Change
    {
        Added,
        Removed,
        NotFound,
        OutOfWindow,
        TooMany,
    }

    /// <summary>Moves on with every change made here: whoever keeps a copy of the table reads it again when it differs.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>Adds or takes back one of a person's own absences, within what he may enter (<see cref="LeaveWindow"/>).</summary>
    public async Task<Change> ChangeAsync(string email, DateOnly from, DateOnly to, bool remove, DateOnly today, CancellationToken cancellationToken)
    {
        if (!LeaveWindow.Allows(from, to, today))
        {
            return Change.OutOfWindow;
        }

        if (remove)
        {
            return await RemoveAsync(email, from, to, cancellationToken) ? Change.Removed : Change.NotFound;
        }

        var open = (await OfAsync(email, cancellationToken)).Count(a => a.To >= today && (a.From, a.To) != (from, to));
        if (open >= LeaveWindow.MaxEntries)
        {
            return Change.TooMany;
        }

        await AddAsync(email, from, to, cancellationToken);
        return Change.Added;
    }

    /// <summary>Everyone's absences entered on the board.</summary>
    public Task<List<(string Email, DateOnly From, DateOnly To)>> ListAsync(CancellationToken cancellationToken) => ReadAsync(null, cancellationToken);

    /// <summary>One person's, read from his partition alone.</summary>
    public Task<List<(string Email, DateOnly From, DateOnly To)>> OfAsync(string email, CancellationToken cancellationToken) =>
        ReadAsync(TableClient.CreateQueryFilter($"PartitionKey eq {Key(email)}"), cancellationToken);

    public async Task AddAsync(string email, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        await storage.Leave.UpsertEntityAsync(new LeaveEntity { PartitionKey = Key(email), RowKey = Row(from, to) }, cancellationToken: cancellationToken);
        Interlocked.Increment(ref _version);
    }

    /// <summary>Takes back an absence the person entered; false when there is none such.</summary>
    public async Task<bool> RemoveAsync(string email, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        // A delete of a missing entity succeeds silently: look first.
        var found = await storage.Leave.GetEntityIfExistsAsync<LeaveEntity>(Key(email), Row(from, to), ["PartitionKey"], cancellationToken);
        if (!found.HasValue)
        {
            return false;
        }

        await storage.Leave.DeleteEntityAsync(Key(email), Row(from, to), ETag.All, cancellationToken);
        Interlocked.Increment(ref _version);
        return true;
    }

    private async Task<List<(string Email, DateOnly From, DateOnly To)>> ReadAsync(string? filter, CancellationToken cancellationToken)
    {
        var absences = new List<(string, DateOnly, DateOnly)>();
        await foreach (var row in storage.Leave.QueryAsync<LeaveEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
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
