using ApprovalWatch.Cli.Commands;
using ApprovalWatch.Pipeline.Operations;
using ApprovalWatch.Pipeline.Reference;

namespace ApprovalWatch.Pipeline.Tests;

/// <summary>A typo in a configuration file never silences the morning, in a fresh process too (#33).</summary>
[Collection(AzuriteCollection.Name)]
public class ConfigurationFallbackTests
{
    private const string Coordinator = "xu.ming@kizilsu.example.org";
    private const string Fallback = "oncall@kizilsu.example.org";

    private static async Task SpoilDirectoryAsync(TestPipeline pipeline)
    {
        var directory = pipeline.Storage.Config.GetBlobClient(ReferenceDataLoader.DirectoryBlob);
        var text = (await directory.DownloadContentAsync()).Value.Content.ToString().TrimEnd();
        await directory.UploadAsync(BinaryData.FromString($"{text}\ntypo@kizilsu.example.org,错字,housing,chief,kizilsu,zh,\n"), overwrite: true);
    }

    [Fact]
    public async Task A_fresh_process_over_a_spoiled_directory_serves_scans_and_reports_from_the_last_good_copy()
    {
        await using var before = await TestPipeline.StartAsync();
        await before.Get<ReferenceDataLoader>().LoadAsync(default); // accepted once: its copy is kept
        await SpoilDirectoryAsync(before);
        await using var fresh = await TestPipeline.StartAsync(names: before.Storage.Names);
        await SpoilDirectoryAsync(fresh); // the fresh pipeline's start put the samples back

        var board = await fresh.Board.GetAsync("/board", Coordinator);
        await fresh.IngestAsync("housing/2026-03-13.csv", ScanAndSendTests.Housing);
        var scanned = await fresh.ScanAsync();
        await fresh.NotifyPump().DrainAsync(default, TimeSpan.FromSeconds(1));
        var report = await fresh.Get<OperatorReportBuilder>().BuildAsync(TestPipeline.Monday, default);
        var output = new StringWriter();
        var exit = await OperatorCommands.StatusAsync(
            new Cli.CliSettings(AzuriteFixture.ConnectionString, TestPipeline.Monday, Path.GetTempPath(), false, fresh.Storage.Names),
            output,
            default
        );

        Assert.Equal(200, board.Status);
        Assert.Null(scanned.Skipped);
        Assert.True(scanned.Queued > 0);
        Assert.Contains(fresh.Mail.Received, m => m.To == ScanAndSendTests.Zhang);
        var refusal = Assert.Single(report.RefusedConfiguration);
        Assert.Contains("directory.csv", refusal);
        Assert.Contains("line", refusal);
        Assert.Contains("config-lastgood", refusal);
        Assert.Contains(fresh.Mail.Received, m => m.To == "ops@kizilsu.example.org" && m.Text.Contains("directory.csv"));
        Assert.Equal(3, exit);
        Assert.Contains("directory.csv", output.ToString());
    }

    [Fact]
    public async Task With_no_good_copy_ever_the_board_says_what_is_wrong_and_the_fallback_address_is_told_once_a_day()
    {
        await using var pipeline = await TestPipeline.StartAsync(settings: new Dictionary<string, string?> { ["Operations:FallbackAddress"] = Fallback });
        await SpoilDirectoryAsync(pipeline);

        var board = await pipeline.Board.GetAsync("/board", Coordinator);
        await Assert.ThrowsAsync<ConfigurationUnavailableException>(() => pipeline.Functions.ScanDeadlinesAsync(null, default));
        await Assert.ThrowsAsync<ConfigurationUnavailableException>(() => pipeline.Functions.ScanDeadlinesAsync(null, default)); // the timer again
        var output = new StringWriter();
        var exit = await OperatorCommands.StatusAsync(
            new Cli.CliSettings(AzuriteFixture.ConnectionString, TestPipeline.Monday, Path.GetTempPath(), false, pipeline.Storage.Names),
            output,
            default
        );

        Assert.Equal(503, board.Status);
        Assert.Contains("配置文件有误", board.Text);
        Assert.Contains("directory.csv", board.Text);
        var alarm = Assert.Single(pipeline.Mail.Received, m => m.To == Fallback);
        Assert.Contains("directory.csv", alarm.Text);
        Assert.Equal(3, exit);
        Assert.Contains("directory.csv", output.ToString());
    }

    [Fact]
    public async Task A_board_without_an_acknowledgement_key_is_refused_at_start_and_an_unresolved_one_is_reported()
    {
        await using var missing = await TestPipeline.StartAsync(settings: new Dictionary<string, string?> { ["Board:AckKey"] = "" });
        var refused = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(
            () => missing.Get<Microsoft.Extensions.Options.IOptions<Links.BoardOptions>>().Value
        );
        Assert.Contains("Board:AckKey is required", refused.Message);

        await using var unresolved = await TestPipeline.StartAsync(
            settings: new Dictionary<string, string?> { ["Board:AckKey"] = "@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/BoardAckKey)" }
        );
        var report = await unresolved.Get<OperatorReportBuilder>().BuildAsync(TestPipeline.Monday, default);
        Assert.Contains(report.RefusedConfiguration, r => r.Contains("Board__AckKey"));
    }
}
