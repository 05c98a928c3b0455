using ApprovalWatch.Cli.Local;
using Microsoft.Extensions.Logging;

namespace ApprovalWatch.Pipeline.Tests;

[Collection(AzuriteCollection.Name)]
public class QueuePumpTests
{
    [Fact]
    public async Task A_pump_that_cannot_reach_its_queue_says_so_and_keeps_trying_until_stopped()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var missing = pipeline.Storage.Queues.GetQueueClient("missing-" + Guid.NewGuid().ToString("N")[..8]);
        var logger = new CountingLogger();
        var pump = new QueuePump(missing, pipeline.Storage.PoisonQueue(missing), (_, _) => Task.CompletedTask, QueueTriggerSettings.HostDefaults, logger)
        {
            PollInterval = TimeSpan.FromMilliseconds(100),
        };
        using var stop = new CancellationTokenSource();

        var running = pump.RunAsync(stop.Token);
        while (logger.Errors < 3)
        {
            Assert.False(running.IsCompleted, "the pump stopped on its own");
            await Task.Delay(50);
        }

        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(running.IsCompletedSuccessfully);
    }

    private sealed class CountingLogger : ILogger
    {
        private int _errors;

        public int Errors => Volatile.Read(ref _errors);

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Error)
            {
                Interlocked.Increment(ref _errors);
            }
        }
    }
}
