using ApprovalWatch.Domain.Digests;

namespace ApprovalWatch.Pipeline.Scanning;

/// <summary>
/// Gathers a shard's routed lines as its projects are measured and hands them on in runs sorted by recipient
/// (stable, so a recipient's lines keep the order they were measured in), at most <paramref name="runLines"/> at a time.
/// A full run is written while the next one gathers, so the shard reads on; at most one run is being written.
/// </summary>
public sealed class RoutedLineRuns(int runLines, Func<IReadOnlyList<RoutedLine>, CancellationToken, Task> writeRun)
{
    private List<RoutedLine> _buffer = [];
    private Task _writing = Task.CompletedTask;

    /// <summary>Every line handed on so far.</summary>
    public int Count { get; private set; }

    public async Task AddAsync(IEnumerable<RoutedLine> lines, CancellationToken cancellationToken)
    {
        foreach (var line in lines)
        {
            _buffer.Add(line);
            Count++;
            if (_buffer.Count >= runLines)
            {
                await _writing;
                _writing = WriteBufferAsync(cancellationToken);
            }
        }
    }

    /// <summary>Writes what is gathered and waits until every run is written.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _writing;
        _writing = Task.CompletedTask;
        await WriteBufferAsync(cancellationToken);
    }

    private Task WriteBufferAsync(CancellationToken cancellationToken)
    {
        if (_buffer.Count == 0)
        {
            return Task.CompletedTask;
        }

        var run = _buffer.OrderBy(l => l.To, StringComparer.Ordinal).ToList();
        _buffer = [];
        return writeRun(run, cancellationToken);
    }
}
