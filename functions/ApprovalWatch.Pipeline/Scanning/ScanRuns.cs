using System.Text.Json;
using ApprovalWatch.Domain.Text;
using ApprovalWatch.Pipeline.Storage;
using Azure;
using Azure.Data.Tables;

namespace ApprovalWatch.Pipeline.Scanning;

/// <summary>The runs of the daily scan, their shards and the shard plan, in the Scans table.</summary>
public sealed class ScanRuns(StorageAccount storage, ProcedureTable procedures)
{
    private TableClient Table => storage.Scans;

    /// <summary>Where the next run cuts its shards, as the last run counted; null before the first run finished.</summary>
    public async Task<IReadOnlyList<string>?> BoundariesAsync(CancellationToken cancellationToken)
    {
        var plan = await Table.GetEntityIfExistsAsync<ShardPlanEntity>(ShardPlanEntity.Partition, ShardPlanEntity.Key, cancellationToken: cancellationToken);
        return plan.HasValue ? plan.Value!.Boundaries.Split('\n', StringSplitOptions.RemoveEmptyEntries) : null;
    }

    /// <summary>Where to cut when no run has counted yet: a count of the Procedures table's keys alone.</summary>
    public async Task<IReadOnlyList<string>> CensusAsync(int shardProcedures, CancellationToken cancellationToken)
    {
        var segments = new ShardSegments(shardProcedures);
        var (project, count) = ("", 0);
        await foreach (var code in procedures.ProjectOfEveryRowAsync(cancellationToken))
        {
            if (code != project && count > 0)
            {
                segments.Add(project, count);
                count = 0;
            }

            (project, count) = (code, count + 1);
        }

        if (count > 0)
        {
            segments.Add(project, count);
        }

        return ShardRange.Cut(segments.ToList(), shardProcedures);
    }

    public Task SaveBoundariesAsync(IReadOnlyList<string> boundaries, DateOnly madeOn, CancellationToken cancellationToken) =>
        Table.UpsertEntityAsync(
            new ShardPlanEntity { Boundaries = string.Join('\n', boundaries), MadeOn = IsoDate.Format(madeOn) },
            TableUpdateMode.Replace,
            cancellationToken
        );

    public Task CreateAsync(ScanRunEntity run, CancellationToken cancellationToken) => Table.AddEntityAsync(run, cancellationToken);

    public async Task<ScanRunEntity?> FindAsync(string run, CancellationToken cancellationToken)
    {
        var found = await Table.GetEntityIfExistsAsync<ScanRunEntity>(ScanRunEntity.Partition, run, cancellationToken: cancellationToken);
        return found.HasValue ? found.Value : null;
    }

    public Task SaveShardAsync(string run, int shard, ShardRange range, ShardOutput output, CancellationToken cancellationToken) =>
        Table.UpsertEntityAsync(
            new ScanShardEntity
            {
                PartitionKey = ScanShardEntity.PartitionOf(run),
                RowKey = ScanShardEntity.RowKeyOf(shard),
                From = range.From,
                To = range.To,
                Counts = JsonSerializer.Serialize(output.Counts, StorageJson.Compact),
                Segments = string.Join('\n', output.Segments.Select(s => $"{s.Start}\t{s.Procedures}")),
                Lines = output.Lines,
            },
            TableUpdateMode.Replace,
            cancellationToken);

    /// <summary>A shard's projects in segments, as <see cref="SaveShardAsync"/> wrote them.</summary>
    public static IEnumerable<(string Start, int Procedures)> SegmentsOf(ScanShardEntity shard) =>
        shard.Segments.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Split('\t'))
            .Select(s => (s[0], int.Parse(s[1], System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>The shards of a run, in order.</summary>
    public async Task<IReadOnlyList<ScanShardEntity>> ShardsAsync(string run, CancellationToken cancellationToken) =>
        await Table
            .QueryAsync<ScanShardEntity>(e => e.PartitionKey == ScanShardEntity.PartitionOf(run), cancellationToken: cancellationToken)
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Marks a shard finished. True when this shard is the one to plan the day's digests: it set the last mark
    /// (the update is conditional on the run's ETag, so of shards finishing together exactly one does), or it
    /// did so before and is trying again after failing to plan.
    /// </summary>
    public async Task<bool> FinishShardAsync(string run, int shard, CancellationToken cancellationToken)
    {
        while (true)
        {
            var entity = await FindAsync(run, cancellationToken) ?? throw new InvalidOperationException($"Scan run {run} is not recorded.");
            if (entity.Done[shard] == '1')
            {
                return entity.State == ScanRunEntity.Planning && entity.Planner == shard;
            }

            var done = entity.Done.ToCharArray();
            done[shard] = '1';
            entity.Done = new string(done);
            var last = !entity.Done.Contains('0');
            if (last)
            {
                (entity.State, entity.Planner) = (ScanRunEntity.Planning, shard);
            }

            try
            {
                await Table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
                return last;
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                // Another shard finished in between: read its mark and try again.
            }
        }
    }

    public async Task MarkPlannedAsync(string run, CancellationToken cancellationToken)
    {
        var entity = await FindAsync(run, cancellationToken) ?? throw new InvalidOperationException($"Scan run {run} is not recorded.");
        entity.State = ScanRunEntity.Planned;
        await Table.UpdateEntityAsync(entity, ETag.All, TableUpdateMode.Replace, cancellationToken);
    }
}
