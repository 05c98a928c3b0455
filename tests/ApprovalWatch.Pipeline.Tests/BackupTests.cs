using ApprovalWatch.Cli.Commands;
using ApprovalWatch.Pipeline.Backup;
using ApprovalWatch.Pipeline.Storage;

namespace ApprovalWatch.Pipeline.Tests;

/// <summary>Every state table backed up and restored row for row; a store that holds rows is not overwritten unasked (#33).</summary>
[Collection(AzuriteCollection.Name)]
public class BackupTests
{
    private static Task<List<string>> RowsAsync(TableBackup backup) => backup.RowsAsync(default);

    private static Cli.CliSettings Cli(StorageNames names) => new(AzuriteFixture.ConnectionString, TestPipeline.Monday, Path.GetTempPath(), false, names);

    [Fact]
    public async Task A_days_state_goes_into_a_folder_and_back_into_an_empty_store_row_for_row()
    {
        // A day of the demo's kinds of state: procedures and projects, History, the ledgers, a scan, notices, leave.
        await using var pipeline = await NoticeTests.StartAsync();
        await pipeline.ScanAsync();
        await pipeline.NotifyPump().DrainAsync(default);
        var folder = Directory.CreateTempSubdirectory("aw-backup-").FullName;
        var original = await RowsAsync(pipeline.Get<TableBackup>());
        var empty = StorageNames.WithSuffix(Guid.NewGuid().ToString("N")[..10]);

        var backedUp = await BackupCommands.BackupAsync(Cli(pipeline.Storage.Names), folder, new StringWriter(), default);
        var said = new StringWriter();
        var restored = await BackupCommands.RestoreAsync(Cli(empty), folder, force: false, said, default);
        var again = new StringWriter();
        var refused = await BackupCommands.RestoreAsync(Cli(empty), folder, force: false, again, default);
        var forced = await BackupCommands.RestoreAsync(Cli(empty), folder, force: true, new StringWriter(), default);

        Assert.Equal((0, 0), (backedUp, restored));
        var copy = await RowsAsync(new TableBackup(StorageAccount.FromConnectionString(AzuriteFixture.ConnectionString, empty)));
        Assert.Equal(original, copy);
        foreach (var table in new[] { "Procedures", "History", "Notices", "Notifications", "Scans", "Submissions" })
        {
            Assert.Contains(original, row => row.StartsWith(table + " ", StringComparison.Ordinal));
        }

        Assert.Contains($"{original.Count} row(s)", said.ToString());
        Assert.Equal(2, refused);
        Assert.Contains("already holds rows", again.ToString());
        Assert.Equal(0, forced);
        Assert.Equal(original.Count, (await RowsAsync(new TableBackup(StorageAccount.FromConnectionString(AzuriteFixture.ConnectionString, empty)))).Count);
    }

    [Fact]
    public async Task A_damaged_backup_restores_nothing_and_the_nightly_one_is_made_once()
    {
        await using var pipeline = await TestPipeline.StartAsync();
        await pipeline.IngestAsync("housing/2026-03-13.csv", ScanAndSendTests.Housing);
        var folder = Directory.CreateTempSubdirectory("aw-backup-").FullName;
        await BackupCommands.BackupAsync(Cli(pipeline.Storage.Names), folder, new StringWriter(), default);
        await File.AppendAllTextAsync(Path.Combine(folder, "Leave.jsonl"), "{ not a row\n");
        var empty = StorageNames.WithSuffix(Guid.NewGuid().ToString("N")[..10]);
        var said = new StringWriter();

        var refused = await BackupCommands.RestoreAsync(Cli(empty), folder, force: false, said, default);
        var first = await pipeline.Functions.BackupTablesAsync(default);
        var second = await pipeline.Functions.BackupTablesAsync(default); // the timer fired twice

        Assert.Equal(2, refused);
        Assert.Contains("Leave.jsonl line 1", said.ToString());
        Assert.Empty(await RowsAsync(new TableBackup(StorageAccount.FromConnectionString(AzuriteFixture.ConnectionString, empty))));
        Assert.NotNull(first);
        Assert.True(first["Procedures"] > 0);
        Assert.Null(second);
        var blobs = new List<string>();
        await foreach (var blob in pipeline.Storage.Backups.GetBlobsAsync())
        {
            blobs.Add(blob.Name);
        }

        Assert.Equal(9, blobs.Count);
        Assert.All(blobs, b => Assert.StartsWith("2026-03-16/", b));
    }
}
