using Azure;
using Azure.Data.Tables;

namespace ApprovalWatch.Pipeline.Storage;

/// <summary>Where the next scan cuts the Procedures table into shards, from the last scan's count (Scans table, one row).</summary>
public sealed class ShardPlanEntity : ITableEntity
{
    public const string Partition = "plan";

    public const string Key = "shards";

    public string PartitionKey { get; set; } = Partition;

    public string RowKey { get; set; } = Key;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    /// <summary>Newline-separated project codes, ascending: each begins a shard; the first shard begins before them all.</summary>
    public string Boundaries { get; set; } = "";

    public string MadeOn { get; set; } = "";
}
