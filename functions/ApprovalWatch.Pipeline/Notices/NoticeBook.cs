using System.Globalization;
using System.Text.Json;
using ApprovalWatch.Domain.Notices;
using ApprovalWatch.Domain.Text;
using ApprovalWatch.Pipeline.Storage;
using Azure;
using Azure.Data.Tables;

namespace ApprovalWatch.Pipeline.Notices;

/// <summary>A notice as stored, with the ETag its next change is conditional on.</summary>
public sealed record StoredNotice(SupervisionNotice Notice, ETag ETag);

/// <summary>
/// The Notices table, a partition per year: the year's sequence counter (<c>counter</c>), the notices by sequence
/// (<c>n|000001</c>), one claim per item — line and rung — (<c>k|…</c>) and one per department and day (<c>d|…</c>). A
/// notice is issued in one transaction that moves the counter (conditional on its ETag), adds the notice, its day's claim
/// and its items' claims: two runs issuing at once never share a number or leave a gap (the loser's transaction fails
/// whole and it tries again), an item already claimed is never issued twice, and a department has one notice a day — a
/// run the same day that finds more items adds them to it.
/// </summary>
public sealed class NoticeBook(StorageAccount storage)
{
    private const string Counter = "counter";
    private const string NoticePrefix = "n|";
    private const int MaxAttempts = 100;

    // A transaction holds 100 actions: the counter, the notice and the day's claim leave room for this many items' claims;
    // the rest are written after it (the notice's items are the truth a rerun restores them from).
    private const int ClaimsInTransaction = 97;

    /// <summary>
    /// Issues a department's drafted notice of a day under the year's next number, its items not claimed before; when the
    /// department has that day's notice already, its new items are added to it. Null when every item has a notice.
    /// </summary>
    /// <returns>The notice as stored, and how many items this call added (0: nothing new).</returns>
    public async Task<(StoredNotice Notice, int Added)?> IssueAsync(SupervisionNotice draft, NoticeSettings settings, CancellationToken cancellationToken)
    {
        var table = storage.NoticeBook;
        var partition = Partition(draft.Year);
        for (var attempt = 1; ; attempt++)
        {
            var dayNotice = await FindByClaimAsync(DayKey(draft.Department, draft.IssuedOn), draft.Year, cancellationToken);
            var fresh = new List<NoticeItem>();
            foreach (var item in draft.Items)
            {
                if (dayNotice?.Notice.Item(item.Key) is null && !await ClaimedAsync(ClaimKey(item.Key), draft.Year, cancellationToken))
                {
                    fresh.Add(item);
                }
            }

            try
            {
                if (dayNotice is not null)
                {
                    await ClaimAsync(dayNotice.Notice, dayNotice.Notice.Items, cancellationToken); // a run stopped before its last claims
                    if (fresh.Count == 0)
                    {
                        return (dayNotice, 0);
                    }

                    var grown = dayNotice.Notice with { Items = [.. dayNotice.Notice.Items, .. fresh] };
                    var saved = await storage.NoticeBook.UpdateEntityAsync(Entity(grown), dayNotice.ETag, TableUpdateMode.Replace, cancellationToken);
                    await ClaimAsync(grown, fresh, cancellationToken);
                    return (new StoredNotice(grown, saved.Headers.ETag ?? default), fresh.Count);
                }

                if (fresh.Count == 0)
                {
                    return null;
                }

                var counter = await table.GetEntityIfExistsAsync<NoticeBookEntity>(partition, Counter, cancellationToken: cancellationToken);
                var sequence = (counter.HasValue ? counter.Value!.Next ?? 0 : 0) + 1;
                var notice = draft with { Sequence = sequence, Number = settings.Number(draft.Year, sequence), Items = fresh };
                var next = new NoticeBookEntity { PartitionKey = partition, RowKey = Counter, Next = sequence };
                List<TableTransactionAction> actions =
                [
                    counter.HasValue ? new(TableTransactionActionType.UpdateReplace, next, counter.Value!.ETag) : new(TableTransactionActionType.Add, next),
                    new(TableTransactionActionType.Add, Entity(notice)),
                    new(TableTransactionActionType.Add, Claim(notice, DayKey(notice.Department, notice.IssuedOn))),
                    .. fresh.Take(ClaimsInTransaction).Select(i => new TableTransactionAction(TableTransactionActionType.Add, Claim(notice, ClaimKey(i.Key)))),
                ];
                var response = await table.SubmitTransactionAsync(actions, cancellationToken);
                await ClaimAsync(notice, fresh.Skip(ClaimsInTransaction), cancellationToken);
                return (new StoredNotice(notice, response.Value[1].Headers.ETag ?? default), fresh.Count);
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < MaxAttempts)
            {
                // Another run took the number, claimed an item or grew the day's notice first: read again.
                await Task.Delay(Random.Shared.Next(5, 20 * Math.Min(attempt, 10)), cancellationToken);
            }
        }
    }

    /// <summary>A leader's own notice on one item (一键督办): numbered like any other, its item claimed, no day's claim.</summary>
    public async Task<StoredNotice> IssueOneAsync(SupervisionNotice draft, NoticeSettings settings, CancellationToken cancellationToken)
    {
        var table = storage.NoticeBook;
        var partition = Partition(draft.Year);
        for (var attempt = 1; ; attempt++)
        {
            var counter = await table.GetEntityIfExistsAsync<NoticeBookEntity>(partition, Counter, cancellationToken: cancellationToken);
            var sequence = (counter.HasValue ? counter.Value!.Next ?? 0 : 0) + 1;
            var notice = draft with { Sequence = sequence, Number = settings.Number(draft.Year, sequence) };
            var next = new NoticeBookEntity { PartitionKey = partition, RowKey = Counter, Next = sequence };
            TableTransactionAction[] actions =
            [
                counter.HasValue ? new(TableTransactionActionType.UpdateReplace, next, counter.Value!.ETag) : new(TableTransactionActionType.Add, next),
                new(TableTransactionActionType.Add, Entity(notice)),
                .. notice.Items.Select(i => new TableTransactionAction(TableTransactionActionType.UpsertReplace, Claim(notice, ClaimKey(i.Key)))),
            ];
            try
            {
                var response = await table.SubmitTransactionAsync(actions, cancellationToken);
                return new StoredNotice(notice, response.Value[1].Headers.ETag ?? default);
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412 && attempt < MaxAttempts)
            {
                await Task.Delay(Random.Shared.Next(5, 20 * Math.Min(attempt, 10)), cancellationToken);
            }
        }
    }

    /// <summary>The notice an item (by its line and rung) was issued on, this year or last; null when none.</summary>
    public Task<StoredNotice?> FindByItemAsync(string key, int year, CancellationToken cancellationToken) =>
        FindByClaimAsync(ClaimKey(key), year, cancellationToken);

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

    // An item overdue across the new year keeps last year's notice.
    private async Task<StoredNotice?> FindByClaimAsync(string claim, int year, CancellationToken cancellationToken)
    {
        foreach (var y in new[] { year, year - 1 })
        {
            var found = await storage.NoticeBook.GetEntityIfExistsAsync<NoticeBookEntity>(Partition(y), claim, cancellationToken: cancellationToken);
            if (found.HasValue && found.Value!.Sequence is { } sequence)
            {
                return await FindAsync(y, sequence, cancellationToken);
            }
        }

        return null;
    }

    // Whether an item has a notice this year or last: its claim's existence, without reading the notice.
    private async Task<bool> ClaimedAsync(string claim, int year, CancellationToken cancellationToken)
    {
        foreach (var y in new[] { year, year - 1 })
        {
            var found = await storage.NoticeBook.GetEntityIfExistsAsync<NoticeBookEntity>(
                Partition(y),
                claim,
                select: [nameof(NoticeBookEntity.Sequence)],
                cancellationToken: cancellationToken
            );
            if (found.HasValue)
            {
                return true;
            }
        }

        return false;
    }

    private async Task ClaimAsync(SupervisionNotice notice, IEnumerable<NoticeItem> items, CancellationToken cancellationToken)
    {
        foreach (var chunk in items.Chunk(100))
        {
            await storage.NoticeBook.SubmitTransactionAsync(
                chunk.Select(i => new TableTransactionAction(TableTransactionActionType.UpsertReplace, Claim(notice, ClaimKey(i.Key)))),
                cancellationToken
            );
        }
    }

    private static NoticeBookEntity Claim(SupervisionNotice notice, string rowKey) =>
        new() { PartitionKey = Partition(notice.Year), RowKey = rowKey, Sequence = notice.Sequence };

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

    private static string DayKey(string department, DateOnly day) => $"d|{TableKey.Escape(department)}|{IsoDate.Format(day)}";
}
