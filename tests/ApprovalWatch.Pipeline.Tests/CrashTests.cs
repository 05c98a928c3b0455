using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using ApprovalWatch.DevTools.Local;
using ApprovalWatch.Domain.Audit;
using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Domain.Receipts;
using ApprovalWatch.Pipeline.Storage;
using ApprovalWatch.Testing;

namespace ApprovalWatch.Pipeline.Tests;

/// <summary>
/// Real outages, not mocks: the CLI killed with SIGKILL while it applies a file, an emulator of the test's
/// own stopped and started again mid-ingest, two hosts over the same storage. Every case ends with every
/// row applied once and its audit trail whole.
/// </summary>
[Collection(AzuriteCollection.Name)]
public class CrashTests
{
    private const int Projects = 1_500;
    private static readonly string[] Procedures = ["HC-01", "HC-02", "HC-03", "HC-04"];

    /// <summary>A housing file of 6,000 rows in 1,500 projects.</summary>
    private static string LargeFile()
    {
        var text = new StringBuilder("project_code,procedure,status,accepted_on,handler_email,as_of\n");
        for (var p = 0; p < Projects; p++)
        {
            foreach (var procedure in Procedures)
            {
                text.Append(
                    System.Globalization.CultureInfo.InvariantCulture,
                    $"2025-653001-48-01-{p:D6},{procedure},in_review,2026-03-02,zhang.wei@kizilsu.example.org,2026-03-13\n"
                );
            }
        }

        return text.ToString();
    }

    private static async Task AssertAppliedOnceAsync(TestPipeline pipeline)
    {
        Assert.Equal(Projects * Procedures.Length, await pipeline.Storage.Procedures.QueryAsync<ProcedureEntity>(select: ["RowKey"]).CountAsync());
        var added = await pipeline.Get<HistoryLog>().ReadAsync<StatusChanged>(since: null, default).ToListAsync();
        Assert.Equal(Projects * Procedures.Length, added.DistinctBy(a => (a.Project, a.Item)).Count());
        Assert.Equal(Projects * Procedures.Length, added.Count);
        Assert.All(added, a => Assert.Equal((null, ProcedureStatus.InReview), (a.From, a.To)));
        // Each project's new procedures listed in one audit row, written once whatever the retries.
        Assert.Equal(Projects, await pipeline.Storage.History.QueryAsync<HistoryEntity>(select: ["RowKey"]).CountAsync());
    }

    [Fact]
    public async Task An_ingestion_killed_midway_is_resumed_by_the_next_try_and_applies_every_row_once()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        var file = Path.Combine(Path.GetTempPath(), $"housing-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, LargeFile());
        try
        {
            using (var first = Cli(pipeline, "ingest", file, "--department", "housing"))
            {
                // Killed once it has applied part of the file.
                for (var i = 0; i < 600 && await pipeline.Storage.Procedures.QueryAsync<ProcedureEntity>(select: ["RowKey"]).Take(1).CountAsync() == 0; i++)
                {
                    await Task.Delay(50);
                }

                first.Kill(entireProcessTree: true);
                await first.WaitForExitAsync();
            }

            var partial = await pipeline.Storage.Procedures.QueryAsync<ProcedureEntity>(select: ["RowKey"]).CountAsync();
            Assert.InRange(partial, 1, Projects * Procedures.Length - 1);

            using var second = Cli(pipeline, "ingest", file, "--department", "housing");
            await second.WaitForExitAsync();
            Assert.Equal(0, second.ExitCode);
        }
        finally
        {
            File.Delete(file);
        }

        await AssertAppliedOnceAsync(pipeline);
        var receipt = (
            await pipeline
                .Storage.Receipts.GetBlobClient(Ingestion.ReceiptWriter.ReceiptName($"housing/{Path.GetFileName(file)}"))
                .DownloadContentAsync()
        ).Value.Content.ToObjectFromJson<Receipt>(StorageJson.Options)!;
        Assert.Equal((Projects * Procedures.Length, 0), (receipt.Applied, receipt.Unchanged));
    }

    [Fact]
    public async Task An_emulator_stopped_and_started_again_mid_ingest_ends_with_every_row_once()
    {
        await using var emulator = await OwnAzurite.StartAsync();
        await using var pipeline = await TestPipeline.StartAsync(connectionString: emulator.ConnectionString);
        var etag = await pipeline.DropAsync("housing/large.csv", LargeFile());
        var message = QueueMessages.Write(new IngestMessage("housing/large.csv", etag.ToString()));

        var ingest = pipeline.Functions.IngestSubmissionAsync(message, default);
        for (var i = 0; i < 600 && await pipeline.Storage.Procedures.QueryAsync<ProcedureEntity>(select: ["RowKey"]).Take(1).CountAsync() == 0; i++)
        {
            await Task.Delay(50);
        }

        await emulator.StopAsync();
        await Assert.ThrowsAnyAsync<Exception>(() => ingest);
        await emulator.RestartAsync();

        var receipt = await pipeline.Functions.IngestSubmissionAsync(message, default); // the queue's next try

        Assert.Equal(Projects * Procedures.Length, receipt!.Applied);
        await AssertAppliedOnceAsync(pipeline);
    }

    [Fact]
    public async Task Two_hosts_over_the_same_storage_apply_each_file_once_and_send_each_digest_once()
    {
        await using var one = await TestPipeline.StartAsync();
        await using var two = await TestPipeline.StartAsync(names: one.Storage.Names);
        await one.DropAsync("housing/2026-03-13.csv", ScanAndSendTests.Housing);

        await Task.WhenAll(one.Functions.GatherSubmissionsAsync(default), two.Functions.GatherSubmissionsAsync(default));
        await Task.WhenAll(one.IngestPump().DrainAsync(default), two.IngestPump().DrainAsync(default));
        await Task.WhenAll(one.Functions.ScanDeadlinesAsync(null, default), two.Functions.ScanDeadlinesAsync(null, default));
        await Task.WhenAll(one.ScanPump().DrainAsync(default), two.ScanPump().DrainAsync(default));
        await Task.WhenAll(one.NotifyPump().DrainAsync(default), two.NotifyPump().DrainAsync(default));

        var mail = one.Mail.Received.Concat(two.Mail.Received).ToList();
        Assert.Equal(5, mail.Count);
        Assert.Equal(5, mail.Select(m => m.To).Distinct().Count());
        Assert.Single(await one.Storage.SubmissionLedger.QueryAsync<SubmissionRecordEntity>(e => e.PartitionKey == "housing").ToListAsync());
    }

    [Fact]
    public async Task The_local_host_stops_within_seconds_of_a_termination_signal()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        using var host = Cli(pipeline, "host", "--gather-schedule", "*/1 * * * * *");
        await Task.Delay(TimeSpan.FromSeconds(4)); // gathering every second, pumps polling
        Assert.False(host.HasExited);

        using (var terminate = Process.Start("kill", ["-TERM", $"{host.Id}"]))
        {
            await terminate.WaitForExitAsync();
        }

        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await host.WaitForExitAsync(patience.Token);
        Assert.Equal(0, host.ExitCode);
    }

    private static Process Cli(TestPipeline pipeline, params string[] args) =>
        args[0] == "host"
            ? ChildCli.Dev(
                [.. args, "--mail", Path.Combine(Path.GetTempPath(), "approvalwatch-crash-mail")],
                AzuriteFixture.ConnectionString,
                pipeline.Storage.Names,
                pipeline.Mail.Host
            )
            : ChildCli.Operator(args, AzuriteFixture.ConnectionString, pipeline.Storage.Names, pipeline.Mail.Host);
}

/// <summary>An Azurite of a test's own, on free ports with its data on disk, that the test can stop and start again.</summary>
public sealed class OwnAzurite : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("azurite-own-").FullName;
    private readonly int[] _ports = [FreePort(), FreePort(), FreePort()];
    private Process? _process;

    // An account of this emulator's own with a key made now: no key is written in the code (Azurite reads AZURITE_ACCOUNTS).
    private readonly string _account = "own" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(64));

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={_account};AccountKey={_key};"
        + $"BlobEndpoint=http://127.0.0.1:{_ports[0]}/{_account};"
        + $"QueueEndpoint=http://127.0.0.1:{_ports[1]}/{_account};"
        + $"TableEndpoint=http://127.0.0.1:{_ports[2]}/{_account};";

    public static async Task<OwnAzurite> StartAsync()
    {
        var azurite = new OwnAzurite();
        await azurite.RestartAsync();
        return azurite;
    }

    public async Task RestartAsync()
    {
        var script = Path.Combine(OfficialCalendars.RepositoryRoot, "node_modules", "azurite", "dist", "src", "azurite.js");
        var start = new ProcessStartInfo(
            "node",
            [
                script,
                "--silent",
                "--skipApiVersionCheck",
                "--disableTelemetry",
                "--location",
                _folder,
                "--blobHost",
                "127.0.0.1",
                "--blobPort",
                $"{_ports[0]}",
                "--queueHost",
                "127.0.0.1",
                "--queuePort",
                $"{_ports[1]}",
                "--tableHost",
                "127.0.0.1",
                "--tablePort",
                $"{_ports[2]}",
            ]
        )
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["AZURITE_ACCOUNTS"] = $"{_account}:{_key}";
        _process = Process.Start(start)!;
        for (var i = 0; i < 100; i++)
        {
            if (await ReachableAsync())
            {
                return;
            }

            await Task.Delay(200);
        }

        throw new InvalidOperationException("The test's own Azurite did not open its ports within 20 s.");
    }

    /// <summary>Stops the emulator in the middle of whatever it serves (SIGINT, so that it keeps what it stored on disk).</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            using (var interrupt = Process.Start("kill", ["-INT", $"{_process.Id}"]))
            {
                await interrupt.WaitForExitAsync();
            }

            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        _process?.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
    }

    private Task<bool> ReachableAsync() => AzuriteFixture.ReachableAsync(_ports);
}
