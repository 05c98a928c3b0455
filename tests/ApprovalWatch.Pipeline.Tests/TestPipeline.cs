using System.Text;
using ApprovalWatch.Cli.Local;
using ApprovalWatch.Domain.Calendar;
using ApprovalWatch.Domain.Receipts;
using ApprovalWatch.Pipeline.Hosting;
using ApprovalWatch.Pipeline.Storage;
using ApprovalWatch.Testing.StandIns;
using ApprovalWatch.Board;
using ApprovalWatch.DevTools.Local;
using ApprovalWatch.Testing;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ApprovalWatch.Pipeline.Tests;

/// <summary>
/// The pipeline's services as the Functions app registers them, over storage names of this test's own,
/// with the sample catalogue, directory and official calendars (national and Xinjiang) loaded, a clock set to 10:00 Beijing time
/// on Monday 16 March 2026, and the SendGrid SDK pointed at a local endpoint.
/// </summary>
public sealed class TestPipeline : IAsyncDisposable
{
    public static readonly DateOnly Monday = new(2026, 3, 16);

    /// <summary>Where the digests' acknowledgement links point (the tests call the board's app directly).</summary>
    public const string BoardUrl = "http://board.test";

    private readonly ServiceProvider _services;

    private TestPipeline(ServiceProvider services, StorageAccount storage, LocalSendGridEndpoint mail, FixedTimeProvider clock)
    {
        _services = services;
        Storage = storage;
        Mail = mail;
        Clock = clock;
    }

    public StorageAccount Storage { get; }

    public LocalSendGridEndpoint Mail { get; }

    public FixedTimeProvider Clock { get; }

    /// <param name="settings">Settings over the defaults, e.g. <c>Ingest:MaxFileBytes</c>.</param>
    /// <param name="tablePolicy">A step in the table client's HTTP pipeline, to interleave another writer's request.</param>
    /// <param name="connectionString">Another storage than the shared Azurite (an emulator of the test's own).</param>
    /// <param name="names">Storage names of another pipeline, to run two over the same storage.</param>
    /// <param name="blobPolicy">A step in the blob client's HTTP pipeline, to fail a request as the store would.</param>
    /// <param name="register">Services added after the pipeline's, as a new producer would register its own.</param>
    public static async Task<TestPipeline> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null,
        HttpPipelinePolicy? tablePolicy = null,
        string connectionString = AzuriteFixture.ConnectionString,
        StorageNames? names = null,
        HttpPipelinePolicy? blobPolicy = null,
        Action<IServiceCollection>? register = null)
    {
        names ??= StorageNames.WithSuffix(Guid.NewGuid().ToString("N")[..10]);
        var storage = StorageAccount.FromConnectionString(connectionString, names);
        if (tablePolicy is not null || blobPolicy is not null)
        {
            var tableOptions = new TableClientOptions();
            var blobOptions = new Azure.Storage.Blobs.BlobClientOptions();
            if (tablePolicy is not null)
            {
                tableOptions.AddPolicy(tablePolicy, HttpPipelinePosition.PerCall);
            }

            if (blobPolicy is not null)
            {
                blobOptions.AddPolicy(blobPolicy, HttpPipelinePosition.PerCall);
            }

            storage = new StorageAccount(
                new Azure.Storage.Blobs.BlobServiceClient(connectionString, blobOptions),
                storage.Queues,
                new TableServiceClient(connectionString, tableOptions),
                names
            );
        }

        var mail = new LocalSendGridEndpoint();
        var clock = new FixedTimeProvider(OfficeClock.At(Monday, new TimeOnly(10, 0)));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SendGrid:ApiKey"] = "SG.test-key",
            ["Mail:From"] = "approvalwatch@kizilsu.example.org",
            ["SendGrid:Host"] = mail.Host,
            ["Board:BaseUrl"] = BoardUrl,
            ["Board:AckKey"] = "test-ack-key",
        }).AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var collection = new ServiceCollection()
            .AddLogging()
            .AddSingleton(storage)
            .AddSingleton<TimeProvider>(clock)
            .AddApprovalWatchPipeline(configuration)
            .AddSingleton<ISignIn, HostSignIn>()
            .AddApprovalWatchBoard();
        register?.Invoke(collection);
        var services = collection.BuildServiceProvider();
        await storage.EnsureCreatedAsync();
        // The samples' CSV files, not their group robots (a test that posts to robots gives its own) nor notices.json (nor do they issue notices).
        var config = Path.Combine(OfficialCalendars.RepositoryRoot, "samples", "config");
        foreach (
            var file in Directory
                .GetFiles(config, "*.csv", SearchOption.AllDirectories)
                .Where(f => !f.EndsWith("projects.csv", StringComparison.Ordinal) && Path.GetFileName(f) != "chat.csv")
        )
        {
            await storage.Config.GetBlobClient(Path.GetRelativePath(config, file)).UploadAsync(file, overwrite: true);
        }

        return new TestPipeline(services, storage, mail, clock);
    }

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>The board asked in process, as the person a request names (signed in by the host, as locally).</summary>
    public InProcessBoard Board => new(_services);

    /// <summary>What a department's clerk does: drops a file into <c>submissions/</c>.</summary>
    public async Task<ETag> DropAsync(string blobName, string content) => await DropAsync(blobName, Encoding.UTF8.GetBytes(content));

    public async Task<ETag> DropAsync(string blobName, byte[] content)
    {
        var response = await Storage.Submissions.GetBlobClient(blobName).UploadAsync(new BinaryData(content), overwrite: true);
        return response.Value.ETag;
    }

    /// <summary>What the functions run: the same entry points as the Functions app and the CLI.</summary>
    public PipelineFunctions Functions => Get<PipelineFunctions>();

    /// <summary>Drops a file and ingests it as IngestSubmission would.</summary>
    public Task<Receipt> IngestAsync(string blobName, string content) => IngestAsync(blobName, Encoding.UTF8.GetBytes(content));

    public async Task<Receipt> IngestAsync(string blobName, byte[] content)
    {
        var etag = await DropAsync(blobName, content);
        return (await Functions.IngestSubmissionAsync(QueueMessages.Write(new IngestMessage(blobName, etag.ToString())), default))!;
    }

    /// <summary>A pump that tries a message as often as host.json says, waiting <paramref name="retryDelay"/> (not host.json's minute) between tries.</summary>
    public QueuePump Pump(QueueClient queue, Func<string, CancellationToken, Task> handle, TimeSpan retryDelay) =>
        new(queue, Storage.PoisonQueue(queue), handle, QueueTriggerSettings.FromHostJson() with { VisibilityTimeout = retryDelay }, NullLogger.Instance);

    public QueuePump IngestPump() => Pump(Storage.IngestQueue, Functions.IngestSubmissionAsync, TimeSpan.Zero);

    public QueuePump NotifyPump(TimeSpan retryDelay = default) => Pump(Storage.NotifyQueue, Functions.SendDigestAsync, retryDelay);

    public QueuePump ScanPump(Func<string, CancellationToken, Task>? handle = null) =>
        Pump(Storage.ScanQueue, handle ?? Functions.ScanShardAsync, TimeSpan.Zero);

    /// <summary>A day's whole scan as the host runs it: ScanDeadlines, then its shards pumped until the last plans the digests.</summary>
    public Task<Scanning.ScanResult> ScanAsync(DateOnly? date = null) => LocalScan.RunAsync(Functions, h => ScanPump(h), date, default);

    public async Task<int> CountAsync(QueueClient queue) => (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount;

    public async ValueTask DisposeAsync()
    {
        await Mail.DisposeAsync();
        await _services.DisposeAsync();
    }
}
