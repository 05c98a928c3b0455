using System.Globalization;
using System.Text.Json;
using ApprovalWatch.Domain.Notices;
using ApprovalWatch.Pipeline.Storage;
using Azure;
using Azure.Data.Tables;

namespace ApprovalWatch.Pipeline.Notices;

/// <summary>A notice as stored, with the ETag its next change is conditional on.</summary>
public sealed record StoredNotice(SupervisionNotice Notice, ETag ETag);

/// <summary>
/// The Notices table, a partition per year: the year's sequence counter (<c>counter</c>), the notices by sequence
/// (<c>n|000001</c>) and one claim per line and rung (<c>k|…</c>). A notice is issued in one transaction that moves
/// the counter (conditional on its ETag), adds the notice and adds its claim: two runs issuing at once never share a
/// number or leave a gap (the loser's transaction fails whole and it tries again), and a line already claimed is
/// never issued twice.
/// </summary>
public sealed class NoticeBook(StorageAccount storage)
{
    private const string Counter = "counter";
    private const string NoticePrefix = "n|";
    private const int MaxAttempts = 100;

    /// <summary>Issues a drafted notice under the year's next number; the notice issued before, and false, when its line and rung have one.</summary>
    public async Task<(StoredNotice Notice, bool Issued)> IssueAsync(SupervisionNotice draft, NoticeSettings settings, CancellationToken cancellationToken)
    {
        var table = storage.NoticeBook;
        var partition = Partition(draft.Year);
        for (var attempt = 1; ; attempt++)
        {
            if (await FindByKeyAsync(draft.Key, draft.Year, cancellationToken) is { } known)
            {
                return (known, false);
            }

            var counter = await table.GetEntityIfExistsAsync<NoticeBookEntity>(partition, Counter, cancellationToken: cancellationToken);
            var sequence = (counter.HasValue ? counter.Value!.Next ?? 0 : 0) + 1;
            var notice = draft with { Sequence = sequence, Number = settings.Number(draft.Year, sequence) };
            var next = new NoticeBookEntity { PartitionKey = partition, RowKey = Counter, Next = sequence };
            TableTransactionAction[] actions =
            [
                counter.HasValue ? new(TableTransactionActionType.UpdateReplace, next, counter.Value!.ETag) : new(TableTransactionActionType.Add, next),
                new(TableTransactionActionType.Add, Entity(notice)),
                new(TableTransactionActionType.Add, new NoticeBookEntity { PartitionKey = partition, RowKey = ClaimKey(draft.Key), Sequence = sequence }),
            ];
            try
            {
                var response = await table.SubmitTransactionAsync(actions, cancellationToken);
                return (new StoredNotice(notice, response.Value[1].Headers.ETag ?? default), true);
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412 && attempt < MaxAttempts)
            {
                // Another run took the number (or claimed the line) first: read again.
                await Task.Delay(Random.Shared.Next(5, 20 * Math.Min(attempt, 10)), cancellationToken);
            }
        }
    }

    public async Task<StoredNotice?> FindAsync(int year, int sequence, CancellationToken cancellationToken)
    {
        var found = await storage.NoticeBook.GetEntityIfExistsAsync<NoticeBookEntity>(
            Partition(year),
            NoticeKey(sequence),
            cancellationToken: cancellationToken
        );
        return found.HasValue ? Read(found.Value!) : null;
    }

    /// <summary>A notice by the year and sequence a link or a message names; null when they are not numbers or there is none.</summary>
    public async Task<StoredNotice?> FindAsync(string year, string sequence, CancellationToken cancellationToken) =>
        int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
        && int.TryParse(sequence, NumberStyles.None, CultureInfo.InvariantCulture, out var s)
            ? await FindAsync(y, s, cancellationToken)
            : null;

    /// <summary>The notices of a year and the years after it, by year and number.</summary>
    public async Task<IReadOnlyList<StoredNotice>> ListAsync(int fromYear, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {Partition(fromYear)} and RowKey ge {NoticePrefix} and RowKey lt {"n}"}");
        var notices = new List<StoredNotice>();
        await foreach (var row in storage.NoticeBook.QueryAsync<NoticeBookEntity>(filter, cancellationToken: cancellationToken))
        {
            notices.Add(Read(row));
        }

        return notices;
    }

    /// <summary>Replaces a notice with its next state; false when it changed since it was read.</summary>
    public async Task<bool> SaveAsync(StoredNotice stored, SupervisionNotice next, CancellationToken cancellationToken)
    {
        try
        {
            await storage.NoticeBook.UpdateEntityAsync(Entity(next), stored.ETag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return false;
        }
    }

    // A line overdue across the new year keeps last year's notice.
    private async Task<StoredNotice?> FindByKeyAsync(string key, int year, CancellationToken cancellationToken)
    {
        foreach (var y in new[] { year, year - 1 })
        {
            var claim = await storage.NoticeBook.GetEntityIfExistsAsync<NoticeBookEntity>(Partition(y), ClaimKey(key), cancellationToken: cancellationToken);
            if (claim.HasValue && claim.Value!.Sequence is { } sequence)
            {
                return await FindAsync(y, sequence, cancellationToken);
            }
        }

        return null;
    }

    private static StoredNotice Read(NoticeBookEntity row) =>
        new(JsonSerializer.Deserialize<SupervisionNotice>(row.Json ?? "null", StorageJson.Options)!, row.ETag);

    private static NoticeBookEntity Entity(SupervisionNotice notice) => new()
    {
        PartitionKey = Partition(notice.Year),
        RowKey = NoticeKey(notice.Sequence),
        Json = JsonSerializer.Serialize(notice, StorageJson.Compact),
        Number = notice.Number,
        Department = notice.Department,
    };

    private static string Partition(int year) => year.ToString(CultureInfo.InvariantCulture);

    private static string NoticeKey(int sequence) => NoticePrefix + sequence.ToString("D6", CultureInfo.InvariantCulture);

    private static string ClaimKey(string key) => "k|" + TableKey.Escape(key);
}
