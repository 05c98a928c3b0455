namespace ApprovalWatch.Pipeline.Ingestion;

/// <summary>
/// Large files read one at a time on an instance, small ones at once: the host runs up to a dozen ingestions side by side,
/// and a dozen large workbooks read together would take more memory than an instance has.
/// </summary>
public sealed class LargeFileTurns
{
    private readonly SemaphoreSlim _one = new(1, 1);

    /// <summary>Waits for the turn of a large file (null for a small one, which waits for nothing); disposing it gives the turn on.</summary>
    public async Task<IDisposable?> TakeAsync(bool large, CancellationToken cancellationToken)
    {
        if (!large)
        {
            return null;
        }

        await _one.WaitAsync(cancellationToken);
        return new Turn(_one);
    }

    private sealed class Turn(SemaphoreSlim one) : IDisposable
    {
        private int _given;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _given, 1) == 0)
            {
                one.Release();
            }
        }
    }
}
