using Azure;
using Azure.Data.Tables;

namespace ApprovalWatch.Pipeline.Storage;

/// <summary>
/// One run of the daily scan in the Scans table (PartitionKey = <see cref="Partition"/>, RowKey = the run).
/// <see cref="Done"/> has a character per shard, <c>1</c> once it finished; the update that sets the last one,
/// conditional on the ETag, also names the shard that plans the digests, so they are planned once.
/// </summary>
public sealed class ScanRunEntity : ITableEntity
{
    public const string Partition = "run";

    public const string Measuring = "measuring";

    public const string Planning = "planning";

    public const string Planned = "planned";

    public string PartitionKey { get; set; } = Partition;

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Date { get; set; } = "";

    public DateTimeOffset StartedAt { get; set; }

    public int Shards { get; set; }

    public string Done { get; set; } = "";

    public string State { get; set; } = Measuring;

    /// <summary>The shard that finished last and plans the digests.</summary>
    public int? Planner { get; set; }

    /// <summary>Comma-separated: working days before this one on which no scan ran.</summary>
    public string Missed { get; set; } = "";

    /// <summary>JSON: files still being applied when the scan began, with their department.</summary>
    public string Applying { get; set; } = "[]";
}
