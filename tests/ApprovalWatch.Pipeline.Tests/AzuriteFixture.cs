using System.Diagnostics;
using System.Net.Sockets;
using ApprovalWatch.Testing;

namespace ApprovalWatch.Pipeline.Tests;

/// <summary>
/// Azurite on its default loopback ports: the one test.sh started, or, when none answers, one this
/// fixture starts from node_modules and stops at the end.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    public const string ConnectionString = "UseDevelopmentStorage=true";

    private static readonly int[] Ports = [10000, 10001, 10002];

    private Process? _azurite;

    public async Task InitializeAsync()
    {
        if (await ReachableAsync())
        {
            return;
        }

        var script = Path.Combine(OfficialCalendars.RepositoryRoot, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException("Azurite is neither running nor installed: run ./test.sh, or npm ci first.");
        }

        _azurite = Process.Start(new ProcessStartInfo("node", [script, "--silent", "--skipApiVersionCheck", "--disableTelemetry", "--inMemoryPersistence"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        });
        for (var i = 0; i < 100 && !await ReachableAsync(); i++)
        {
            await Task.Delay(200);
        }

        if (!await ReachableAsync())
        {
            throw new InvalidOperationException("Azurite did not open its ports within 20 s.");
        }
    }

    public Task DisposeAsync()
    {
        if (_azurite is { HasExited: false })
        {
            _azurite.Kill(entireProcessTree: true);
            _azurite.WaitForExit(5000);
        }

        _azurite?.Dispose();
        return Task.CompletedTask;
    }

    private static Task<bool> ReachableAsync() => ReachableAsync(Ports);

    /// <summary>True when each of the ports answers on loopback.</summary>
    public static async Task<bool> ReachableAsync(IEnumerable<int> ports)
    {
        foreach (var port in ports)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port);
            }
            catch (SocketException)
            {
                return false;
            }
        }

        return true;
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
