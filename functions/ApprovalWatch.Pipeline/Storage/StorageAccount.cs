using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Specialized;
using Microsoft.Extensions.Configuration;

namespace ApprovalWatch.Pipeline.Storage;

/// <summary>
/// The SDK clients of the one storage account the app uses, and its containers, queues and tables by
/// name. Queue clients send Base64, which is what the Functions queue trigger expects.
/// </summary>
public sealed class StorageAccount
{
    public const string DevelopmentStorage = "UseDevelopmentStorage=true";

    public StorageAccount(BlobServiceClient blobs, QueueServiceClient queues, TableServiceClient tables, StorageNames names)
    {
        Blobs = blobs;
        Queues = queues;
        Tables = tables;
        Names = names;
    }

    public BlobServiceClient Blobs { get; }

    public QueueServiceClient Queues { get; }

    public TableServiceClient Tables { get; }

    public StorageNames Names { get; }

    public BlobContainerClient Submissions => Blobs.GetBlobContainerClient(Names.SubmissionsContainer);

    public BlobContainerClient Receipts => Blobs.GetBlobContainerClient(Names.ReceiptsContainer);

    public BlobContainerClient Config => Blobs.GetBlobContainerClient(Names.ConfigContainer);

    public BlobContainerClient Digests => Blobs.GetBlobContainerClient(Names.DigestsContainer);

    public BlobContainerClient Templates => Blobs.GetBlobContainerClient(Names.TemplatesContainer);

    public BlobContainerClient Reports => Blobs.GetBlobContainerClient(Names.ReportsContainer);

    public BlobContainerClient Notices => Blobs.GetBlobContainerClient(Names.NoticesContainer);

    public BlobContainerClient LastGoodConfig => Blobs.GetBlobContainerClient(Names.LastGoodConfigContainer);

    public BlobContainerClient Backups => Blobs.GetBlobContainerClient(Names.BackupsContainer);

    public QueueClient IngestQueue => Queues.GetQueueClient(Names.IngestQueue);

    public QueueClient NotifyQueue => Queues.GetQueueClient(Names.NotifyQueue);

    public QueueClient ScanQueue => Queues.GetQueueClient(Names.ScanQueue);

    public TableClient Procedures => Tables.GetTableClient(Names.ProceduresTable);

    public TableClient Projects => Tables.GetTableClient(Names.ProjectsTable);

    public TableClient History => Tables.GetTableClient(Names.HistoryTable);

    public TableClient SubmissionLedger => Tables.GetTableClient(Names.SubmissionsTable);

    public TableClient NotificationLedger => Tables.GetTableClient(Names.NotificationsTable);

    public TableClient Scans => Tables.GetTableClient(Names.ScansTable);

    public TableClient KeyProjects => Tables.GetTableClient(Names.KeyProjectsTable);

    public TableClient NoticeBook => Tables.GetTableClient(Names.NoticesTable);

    public TableClient Leave => Tables.GetTableClient(Names.LeaveTable);

    public static StorageAccount FromConnectionString(string connectionString, StorageNames? names = null) => new(
        new BlobServiceClient(connectionString),
        new QueueServiceClient(connectionString, QueueOptions()),
        new TableServiceClient(connectionString),
        names ?? new StorageNames());

    /// <summary>
    /// From the Functions host's own setting: a connection string in <c>AzureWebJobsStorage</c>, or an
    /// identity-based connection (<c>AzureWebJobsStorage__blobServiceUri</c>, <c>__queueServiceUri</c>,
    /// <c>__tableServiceUri</c>, optional <c>__clientId</c>) where the account allows no shared keys. The
    /// endpoints come from configuration, never from a cloud's host name, so any Azure cloud works.
    /// </summary>
    public static StorageAccount FromConfiguration(IConfiguration configuration, StorageNames names)
    {
        var connectionString = configuration["AzureWebJobsStorage"];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return FromConnectionString(connectionString, names);
        }

        var section = configuration.GetSection("AzureWebJobsStorage");
        Uri Endpoint(string service) =>
            section[$"{service}ServiceUri"] is { Length: > 0 } uri
                ? new Uri(uri)
                : throw new InvalidOperationException(
                    "Set AzureWebJobsStorage (a connection string), or AzureWebJobsStorage__blobServiceUri, __queueServiceUri and __tableServiceUri "
                        + "(a managed identity connection)."
                );
        TokenCredential credential = section["clientId"] is { Length: > 0 } clientId
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new DefaultAzureCredential();
        return new StorageAccount(
            new BlobServiceClient(Endpoint("blob"), credential),
            new QueueServiceClient(Endpoint("queue"), credential, QueueOptions()),
            new TableServiceClient(Endpoint("table"), credential),
            names);
    }

    /// <summary>Creates what the app writes to, if missing. Safe to call on every start.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        foreach (var container in new[] { Submissions, Receipts, Config, Digests, Templates, Reports, Notices, LastGoodConfig, Backups })
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }

        foreach (var queue in new[] { IngestQueue, NotifyQueue, ScanQueue }.SelectMany(q => new[] { q, PoisonQueue(q) }))
        {
            await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }

        foreach (var table in new[] { Procedures, Projects, History, SubmissionLedger, NotificationLedger, Scans, KeyProjects, NoticeBook, Leave })
        {
            await table.CreateIfNotExistsAsync(cancellationToken);
        }
    }

    /// <summary>The queue where the Functions host moves a message after its last failed try.</summary>
    public QueueClient PoisonQueue(QueueClient queue) => Queues.GetQueueClient(queue.Name + "-poison");

    private static QueueClientOptions QueueOptions()
    {
        var options = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        options.MessageDecodingFailed += MoveUndecodableToPoisonAsync;
        return options;
    }

    /// <summary>
    /// A received message that is not Base64 goes to the <c>-poison</c> queue, as the Functions host moves it,
    /// instead of failing every receive of its queue; a peek leaves it where it is.
    /// </summary>
    private static async Task MoveUndecodableToPoisonAsync(QueueMessageDecodingFailedEventArgs args)
    {
        if (args.ReceivedMessage is not { } message)
        {
            return;
        }

        var poison = args.Queue.GetParentQueueServiceClient().GetQueueClient(args.Queue.Name + "-poison");
        await poison.CreateIfNotExistsAsync(cancellationToken: args.CancellationToken);
        await poison.SendMessageAsync(message.Body, cancellationToken: args.CancellationToken);
        await args.Queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, args.CancellationToken);
    }
}
