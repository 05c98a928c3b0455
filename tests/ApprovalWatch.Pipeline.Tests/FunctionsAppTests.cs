using System.Text.Json;
using ApprovalWatch.Testing;
using Microsoft.Extensions.Configuration;

namespace ApprovalWatch.Pipeline.Tests;

public class FunctionsAppTests
{
    [Fact]
    public void The_build_lists_exactly_the_eight_functions_with_their_triggers()
    {
        var configuration = AppContext.BaseDirectory.Contains(
            $"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}",
            StringComparison.Ordinal
        )
            ? "Release"
            : "Debug";
        var path = Path.Combine(
            OfficialCalendars.RepositoryRoot,
            "functions",
            "ApprovalWatch.Functions",
            "bin",
            configuration,
            "net10.0",
            "functions.metadata"
        );
        using var metadata = JsonDocument.Parse(File.ReadAllText(path));

        var functions = metadata
            .RootElement.EnumerateArray()
            .Select(f =>
            {
                var trigger = f.GetProperty("bindings")
                    .EnumerateArray()
                    .Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));
                var setting =
                    trigger.TryGetProperty("schedule", out var schedule) ? schedule.GetString()
                    : trigger.TryGetProperty("route", out var route) ? route.GetString()
                    : trigger.GetProperty("queueName").GetString();
                return (f.GetProperty("name").GetString(), trigger.GetProperty("type").GetString(), setting);
            })
            .OrderBy(f => f.Item1)
            .ToList();

        Assert.Equal(
        [
            ("BackupTables", "timerTrigger", "%BackupSchedule%"),
            ("Board", "httpTrigger", "{*path}"),
            ("GatherSubmissions", "timerTrigger", "%GatherSchedule%"),
            ("IngestSubmission", "queueTrigger", "%IngestQueue%"),
            ("ScanDeadlines", "timerTrigger", "%ScanSchedule%"),
            ("ScanShard", "queueTrigger", "%ScanQueue%"),
            ("SendDigest", "queueTrigger", "%NotifyQueue%"),
            ("WeeklyReport", "timerTrigger", "%WeeklySchedule%"),
        ], functions);
    }

    [Fact]
    public void Host_json_retries_failed_queue_messages_after_a_delay_five_times()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(OfficialCalendars.RepositoryRoot, "host.json")));
        var queues = host.RootElement.GetProperty("extensions").GetProperty("queues");
        Assert.Equal(5, queues.GetProperty("maxDequeueCount").GetInt32());
        Assert.True(TimeSpan.Parse(queues.GetProperty("visibilityTimeout").GetString()!, System.Globalization.CultureInfo.InvariantCulture) > TimeSpan.Zero);
    }

    [Fact]
    public void Local_settings_give_every_trigger_setting_a_default()
    {
        using var settings = JsonDocument.Parse(
            File.ReadAllText(Path.Combine(OfficialCalendars.RepositoryRoot, "functions", "ApprovalWatch.Functions", "local.settings.json"))
        );
        var values = settings.RootElement.GetProperty("Values");
        Assert.Equal(Hosting.Schedules.Gather, values.GetProperty("GatherSchedule").GetString());
        Assert.Equal(Hosting.Schedules.Scan, values.GetProperty("ScanSchedule").GetString());
        Assert.Equal(Hosting.Schedules.Weekly, values.GetProperty("WeeklySchedule").GetString());
        Assert.Equal(Hosting.Schedules.Backup, values.GetProperty("BackupSchedule").GetString());
        Assert.Equal("ingest", values.GetProperty("IngestQueue").GetString());
        Assert.Equal("notify", values.GetProperty("NotifyQueue").GetString());
        Assert.Equal("scan", values.GetProperty("ScanQueue").GetString());
    }
}

public class ScheduleDefaultsTests
{
    [Theory]
    [InlineData("gatherSchedule", Hosting.Schedules.Gather)]
    [InlineData("scanSchedule", Hosting.Schedules.Scan)]
    [InlineData("weeklySchedule", Hosting.Schedules.Weekly)]
    public void The_deployment_defaults_each_schedule_as_the_app_does(string parameter, string schedule)
    {
        var bicep = File.ReadAllText(Path.Combine(OfficialCalendars.RepositoryRoot, "infra", "main.bicep"));

        Assert.Contains($"param {parameter} string = '{schedule}'", bicep);
    }
}

public class StorageAccountTests
{
    [Fact]
    public void Without_a_connection_string_the_account_is_reached_by_managed_identity()
    {
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            // Azure operated in China: the endpoints come from the deployment, not from a host name in code.
            ["AzureWebJobsStorage:blobServiceUri"] = "https://stawexample.blob.core.chinacloudapi.cn/",
            ["AzureWebJobsStorage:queueServiceUri"] = "https://stawexample.queue.core.chinacloudapi.cn/",
            ["AzureWebJobsStorage:tableServiceUri"] = "https://stawexample.table.core.chinacloudapi.cn/",
            ["AzureWebJobsStorage:clientId"] = "00000000-0000-0000-0000-000000000001",
        }).Build();

        var account = Storage.StorageAccount.FromConfiguration(configuration, new Storage.StorageNames());

        Assert.Equal(
            (
                "https://stawexample.blob.core.chinacloudapi.cn/",
                "https://stawexample.queue.core.chinacloudapi.cn/",
                "https://stawexample.table.core.chinacloudapi.cn/"
            ),
            (account.Blobs.Uri.ToString(), account.Queues.Uri.ToString(), account.Tables.Uri.ToString())
        );
        Assert.Equal("notify", account.NotifyQueue.Name);
    }

    [Fact]
    public void Without_any_storage_setting_the_error_says_what_to_set()
    {
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build();
        var error = Assert.Throws<InvalidOperationException>(() => Storage.StorageAccount.FromConfiguration(configuration, new Storage.StorageNames()));
        Assert.Contains("AzureWebJobsStorage__blobServiceUri", error.Message);
    }
}
