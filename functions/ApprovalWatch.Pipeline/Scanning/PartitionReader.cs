using Azure;
using Azure.Data.Tables;

namespace ApprovalWatch.Pipeline.Scanning;

/// <summary>Reads a query's rows (in key order) one partition at a time, alongside another stream in the same order.</summary>
public sealed class PartitionReader<T>(AsyncPageable<T> rows) : IAsyncDisposable
    where T : class, ITableEntity
{
    private readonly IAsyncEnumerator<T> _rows = rows.GetAsyncEnumerator();
    private bool _started;
    private bool _ended;

    /// <summary>The rows of <paramref name="partition"/>, skipping the partitions before it; none when it has none.</summary>
    public async Task<IReadOnlyList<T>> TakeAsync(string partition)
    {
        if (!_started)
        {
            _started = true;
            _ended = !await _rows.MoveNextAsync();
        }

        var taken = new List<T>();
        while (!_ended && string.CompareOrdinal(_rows.Current.PartitionKey, partition) <= 0)
        {
            if (_rows.Current.PartitionKey == partition)
            {
                taken.Add(_rows.Current);
            }

            _ended = !await _rows.MoveNextAsync();
        }

        return taken;
    }

    public ValueTask DisposeAsync() => _rows.DisposeAsync();
}
