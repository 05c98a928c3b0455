using ApprovalWatch.Cli.Local;
using ApprovalWatch.Domain.Calendar;
using ApprovalWatch.Pipeline.Hosting;
using ApprovalWatch.Pipeline.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ApprovalWatch.Cli;

/// <summary>
/// The pipeline's services as the CLI runs them: the same registrations as the Functions app, storage
/// from <c>--storage</c> or <c>AzureWebJobsStorage</c> (default: Azurite), mail as configured (SendGrid, or SMTP).
/// </summary>
public sealed class CliRuntime : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private CliRuntime(ServiceProvider services) => _services = services;

    public StorageAccount Storage => Get<StorageAccount>();

    /// <param name="settings">The command line's settings.</param>
    /// <param name="cancellationToken">Stops the start.</param>
    /// <param name="extra">More configuration (a development run's local stand-ins), over the environment's.</param>
    /// <param name="register">More services (a development run's board).</param>
    public static async Task<CliRuntime> StartAsync(
        CliSettings settings,
        CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string?>? extra = null,
        Action<IServiceCollection>? register = null
    )
    {
        var environment = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var overrides = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = settings.Storage ?? environment["AzureWebJobsStorage"] ?? StorageAccount.DevelopmentStorage,
            ["Mail:From"] = environment["Mail:From"] ?? "approvalwatch@kizilsu.example.org",
        };
        var configuration = new ConfigurationBuilder()
            .AddConfiguration(environment)
            .AddInMemoryCollection(overrides)
            .AddInMemoryCollection(extra ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection()
            .AddLogging(logging => logging
                .AddSimpleConsole(console => (console.SingleLine, console.TimestampFormat) = (true, settings.Verbose ? "HH:mm:ss.fff " : null))
                .SetMinimumLevel(settings.Verbose ? LogLevel.Information : LogLevel.Warning)
                .AddFilter("Azure", LogLevel.Warning));
        if (settings.AsOf is { } asOf)
        {
            // An "as of" run acts at 10:00 Beijing time that day: after the 08:30 scan, and when offices on Beijing hours are open.
            services.AddSingleton<TimeProvider>(new FixedTimeProvider(OfficeClock.At(asOf, new TimeOnly(10, 0))));
        }

        if (settings.Names is { } names)
        {
            services.AddSingleton(StorageAccount.FromConnectionString(configuration["AzureWebJobsStorage"]!, names));
        }

        services.AddApprovalWatchPipeline(configuration);
        register?.Invoke(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        var runtime = new CliRuntime(provider);
        await runtime.Storage.EnsureCreatedAsync(cancellationToken);
        return runtime;
    }

    public IServiceProvider Services => _services;

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public QueuePump IngestPump() => Pump(Storage.IngestQueue, Get<PipelineFunctions>().IngestSubmissionAsync);

    public QueuePump NotifyPump() => Pump(Storage.NotifyQueue, Get<PipelineFunctions>().SendDigestAsync);

    public QueuePump ScanPump(Func<string, CancellationToken, Task> handle) => Pump(Storage.ScanQueue, handle);

    /// <summary>A day's whole scan, its shards pumped here.</summary>
    public Task<Pipeline.Scanning.ScanResult> ScanAsync(DateOnly? date, CancellationToken cancellationToken) =>
        LocalScan.RunAsync(Get<PipelineFunctions>(), ScanPump, date, cancellationToken);

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private QueuePump Pump(Azure.Storage.Queues.QueueClient queue, Func<string, CancellationToken, Task> handle) =>
        new(
            queue,
            Storage.PoisonQueue(queue),
            handle,
            QueueTriggerSettings.FromHostJson(),
            Get<ILoggerFactory>().CreateLogger($"ApprovalWatch.Queue.{queue.Name}")
        );
}
