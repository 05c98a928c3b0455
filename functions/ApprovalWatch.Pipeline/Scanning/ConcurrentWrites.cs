
namespace ApprovalWatch.Pipeline.Scanning;

/// <summary>Runs writes side by side, at most <paramref name="limit"/> at once; with a limit of 0, none (a dry run).</summary>
public sealed class ConcurrentWrites(int limit)
{
    private readonly List<Task> _running = [];

    public async Task AddAsync(Func<Task> write)
    {
        if (limit == 0)
        {
            return;
        }

        if (_running.Count >= limit)
        {
            var done = await Task.WhenAny(_running);
            _running.Remove(done);
            await done;
        }

        _running.Add(write());
    }

    public Task WhenAllAsync() => Task.WhenAll(_running);
}
