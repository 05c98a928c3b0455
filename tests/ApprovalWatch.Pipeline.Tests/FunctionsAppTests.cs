using System.Text.Json;

namespace ApprovalWatch.Tests;

public class FunctionsAppTests
{
    [Fact]
    public void The_build_lists_exactly_the_four_functions_with_their_triggers()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var path = Path.Combine(OfficialCalendars.RepositoryRoot, "functions", "ApprovalWatch.Functions", "bin", configuration, "net10.0", "functions.metadata");
        using var metadata = JsonDocument.Parse(File.ReadAllText(path));

        var functions = metadata.RootElement.EnumerateArray().Select(f =>
        {
            var trigger = f.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));
            var setting = trigger.TryGetProperty("schedule", out var schedule) ? schedule.GetString() : trigger.GetProperty("queueName").GetString();
            return (f.GetProperty("name").GetString(), trigger.GetProperty("type").GetString(), setting);
        }).OrderBy(f => f.Item1).ToList();

        Assert.Equal(
        [
            ("GatherSubmissions", "timerTrigger", "%GatherSchedule%"),
            ("IngestSubmission", "queueTrigger", "%IngestQueue%"),
            ("ScanDeadlines", "timerTrigger", "%ScanSchedule%"),
            ("SendDigest", "queueTrigger", "%NotifyQueue%"),
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
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(OfficialCalendars.RepositoryRoot, "functions", "ApprovalWatch.Functions", "local.settings.json")));
        var values = settings.RootElement.GetProperty("Values");
        Assert.Equal("0 */5 * * * *", values.GetProperty("GatherSchedule").GetString());
        Assert.Equal("0 30 0 * * *", values.GetProperty("ScanSchedule").GetString());
        Assert.Equal("ingest", values.GetProperty("IngestQueue").GetString());
        Assert.Equal("notify", values.GetProperty("NotifyQueue").GetString());
    }
}
