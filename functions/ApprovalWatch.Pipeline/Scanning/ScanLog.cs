using ApprovalWatch.Domain.Calendar;
using ApprovalWatch.Domain.Text;
using ApprovalWatch.Pipeline.Storage;
using Azure.Data.Tables;

namespace ApprovalWatch.Pipeline.Scanning;

/// <summary>The days the scan ran (the Scans table), so a run can tell which working days it missed.</summary>
public sealed class ScanLog(StorageAccount storage, TimeProvider time)
{
    /// <summary>At most this many missed days are named; a longer gap is an outage the operator sees anyway.</summary>
    private const int MaxNamed = 31;

    /// <summary>
    /// The working days (a working day in any calendar) after the last recorded scan before
    /// <paramref name="today"/> and before it, on which no scan ran; none before the first scan ever.
    /// </summary>
    public async Task<IReadOnlyList<DateOnly>> MissedBeforeAsync(DateOnly today, CalendarSet calendars, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {ScanRecordEntity.Partition} and RowKey lt {IsoDate.Format(today)}");
        DateOnly? last = null;
        await foreach (var row in storage.Scans.QueryAsync<ScanRecordEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            var day = IsoDate.Parse(row.RowKey);
            last = last is null || day > last ? day : last;
        }

        var missed = new List<DateOnly>();
        for (var day = last?.AddDays(1) ?? today; day < today && missed.Count < MaxNamed; day = day.AddDays(1))
        {
            if (calendars.AnyWorks(day))
            {
                missed.Add(day);
            }
        }

        return missed;
    }

    public async Task<IReadOnlyList<ScanRecordEntity>> RecentAsync(int days, DateOnly today, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {ScanRecordEntity.Partition} and RowKey ge {IsoDate.Format(today.AddDays(-days))}");
        return await storage.Scans.QueryAsync<ScanRecordEntity>(filter, cancellationToken: cancellationToken).ToListAsync(cancellationToken);
    }

    /// <summary>The last recorded scan day, or null: the last weeks' records are read, the whole log only when they hold none.</summary>
    public async Task<ScanRecordEntity?> LatestAsync(CancellationToken cancellationToken) =>
        (await RecentAsync(31, OfficeClock.Today(time), cancellationToken)).LastOrDefault() // rows come in key (date) order
        ?? await storage
            .Scans.QueryAsync<ScanRecordEntity>(e => e.PartitionKey == ScanRecordEntity.Partition, cancellationToken: cancellationToken)
            .LastOrDefaultAsync(cancellationToken);

    public Task RecordAsync(ScanResult result, CancellationToken cancellationToken) =>
        storage.Scans.UpsertEntityAsync(
            new ScanRecordEntity
            {
                RowKey = IsoDate.Format(result.Date),
                RanAt = time.GetUtcNow(),
                Digests = result.Digests.Count,
                Queued = result.Queued,
                Missed = string.Join(',', result.MissedDays.Select(IsoDate.Format)),
                Cells = System.Text.Json.JsonSerializer.Serialize(result.Counts.Cells, StorageJson.Compact),
            },
            TableUpdateMode.Replace,
            cancellationToken);
}
