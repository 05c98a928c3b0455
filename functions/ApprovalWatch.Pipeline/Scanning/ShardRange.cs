using Azure.Data.Tables;

namespace ApprovalWatch.Pipeline.Scanning;

/// <summary>
/// The project codes [<see cref="From"/>, <see cref="To"/>) of one shard. The Procedures table's PartitionKey is
/// the project code, so a project never spans two shards; the shards of a scan cover every key, so a project
/// added since the shards were planned is still measured.
/// </summary>
public sealed record ShardRange(string From, string? To)
{
    public static readonly ShardRange All = new("", null);

    /// <summary>The filter that selects the shard's partitions.</summary>
    public string? Filter => (From, To) switch
    {
        ("", null) => null,
        (_, null) => TableClient.CreateQueryFilter($"PartitionKey ge {From}"),
        ("", _) => TableClient.CreateQueryFilter($"PartitionKey lt {To}"),
        _ => TableClient.CreateQueryFilter($"PartitionKey ge {From} and PartitionKey lt {To}"),
    };

    /// <summary>The shards between ascending boundaries: before the first, between each two, after the last.</summary>
    public static IReadOnlyList<ShardRange> Between(IReadOnlyList<string> boundaries)
    {
        var ranges = new List<ShardRange>();
        var from = "";
        foreach (var boundary in boundaries.Where(b => b.Length > 0).Distinct().Order(StringComparer.Ordinal))
        {
            ranges.Add(new ShardRange(from, boundary));
            from = boundary;
        }

        ranges.Add(new ShardRange(from, null));
        return ranges;
    }

    /// <summary>
    /// Where to cut the next scan: walking the segments (each a run of whole projects, in key order, with its
    /// number of procedures) a new shard begins at the first segment after <paramref name="target"/> procedures.
    /// </summary>
    public static IReadOnlyList<string> Cut(IEnumerable<(string Start, int Procedures)> segments, int target)
    {
        var boundaries = new List<string>();
        var count = 0;
        foreach (var (start, procedures) in segments)
        {
            if (count >= target)
            {
                boundaries.Add(start);
                count = 0;
            }

            count += procedures;
        }

        return boundaries;
    }
}
