using System.Diagnostics;

namespace ApprovalWatch.DevTools.Commands;

/// <summary>Samples the process's working set until stopped; the highest seen.</summary>
internal sealed class PeakWorkingSet : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task<long> _sampling;

    public PeakWorkingSet() =>
        _sampling = Task.Run(async () =>
        {
            var peak = 0L;
            using var process = Process.GetCurrentProcess();
            while (!_stop.IsCancellationRequested)
            {
                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
                await Task.Delay(50, CancellationToken.None);
            }

            return peak;
        });

    public long Stop()
    {
        _stop.Cancel();
        return _sampling.GetAwaiter().GetResult();
    }

    public void Dispose() => _stop.Dispose();
}
