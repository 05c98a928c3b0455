using ApprovalWatch.Pipeline.Storage;
using Microsoft.Extensions.Hosting;

namespace ApprovalWatch.Functions;

/// <summary>Creates the containers, queues and tables the functions write to, once at start-up.</summary>
public sealed class StorageInitializer(StorageAccount storage) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => storage.EnsureCreatedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
