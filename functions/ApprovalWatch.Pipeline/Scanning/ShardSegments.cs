
namespace ApprovalWatch.Pipeline.Scanning;

/// <summary>
/// Projects counted in key order, in runs (segments) of about an eighth of a shard, each starting at a
/// project: what a scan keeps of its census, so the next run's shards are cut at whole projects.
/// </summary>
public sealed class ShardSegments(int shardProcedures)
{
    private readonly int _size = Math.Max(1, shardProcedures / 8);
    private readonly List<(string Start, int Procedures)> _segments = [];

    public void Add(string project, int procedures)
    {
        if (_segments.Count == 0 || _segments[^1].Procedures >= _size)
        {
            _segments.Add((project, 0));
        }

        _segments[^1] = (_segments[^1].Start, _segments[^1].Procedures + procedures);
    }

    public IReadOnlyList<(string Start, int Procedures)> ToList() => _segments;
}
