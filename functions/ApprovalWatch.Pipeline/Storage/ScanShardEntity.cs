using Azure;
using Azure.Data.Tables;

namespace ApprovalWatch.Pipeline.Storage;

/// <summary>What one shard of a run measured (PartitionKey = <c>shards-{run}</c>, RowKey = the shard's number).</summary>
public sealed class ScanShardEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string From { get; set; } = "";

    public string? To { get; set; }

    /// <summary>JSON: the shard's <see cref="Domain.Scanning.ScanCounts"/>.</summary>
    public string Counts { get; set; } = "{}";

    /// <summary>Lines <c>{first project code}\t{procedures}</c>: the shard's projects in runs, from which the next day's shards are cut.</summary>
    public string Segments { get; set; } = "";

    public int Lines { get; set; }

    public static string PartitionOf(string run) => $"shards-{run}";

    public static string RowKeyOf(int shard) => shard.ToString("D5", System.Globalization.CultureInfo.InvariantCulture);
}
