using ApprovalWatch.Cli.Commands;
using ApprovalWatch.Cli.Local;
using ApprovalWatch.Cli;
using ApprovalWatch.DevTools.Local;
using ApprovalWatch.DevTools.Samples;
using ApprovalWatch.Pipeline.Backup;
using ApprovalWatch.Pipeline.Hosting;
using ApprovalWatch.Pipeline.Ingestion;
using ApprovalWatch.Pipeline.Storage;
using ApprovalWatch.Testing.StandIns;

namespace ApprovalWatch.DevTools.Commands;

/// <summary>
/// Loads the sample configuration and department files into storage, then runs gather → ingest → scan →
/// send exactly as the Functions would, a clerk's week on the board (this week's sheet sent back through the submit
/// page), a handler's leave, the supervision notices and a reply, the group chats, the weekly report and last month's
/// efficiency bulletin, and prints what happened.
/// </summary>
public static class DemoCommand
{
    /// <summary>The office day the samples describe (a Monday; the department files are of the Friday before).</summary>
    public static readonly DateOnly SampleDate = new(2026, 3, 16);

    /// <summary>Who the demo's board is served as: the coordinator, who sees every department.</summary>
    public const string BoardIdentity = "xu.ming@kizilsu.example.org";

    /// <summary>A leader in charge of the samples' projects, whose own page the demo looks at.</summary>
    public const string DemoLeader = "zhao.deming@kizilsu.example.org";

    /// <summary>Who sends housing's sheet back through the board: its contact, who sees no board but the submit page.</summary>
    public const string Clerk = "ma.li@kizilsu.example.org";

    /// <summary>A project of the samples, for the project page's screenshot when the week has no red project.</summary>
    public const string SampleProject = "2022-653001-48-01-00123X";

    /// <param name="serve">Keep the board served on 127.0.0.1 until Ctrl+C.</param>
    public static async Task<int> RunAsync(
        CliSettings settings,
        string? samplesPath,
        TextWriter output,
        CancellationToken cancellationToken,
        bool serve = false
    )
    {
        var samples = SampleFolder.Find(samplesPath);
        var asOf = settings.AsOf ?? SampleDate;
        ClearMail(settings.MailFolder);
        var chatFolder = Path.Combine(settings.OutFolder, "chat");
        if (Directory.Exists(chatFolder))
        {
            Directory.Delete(chatFolder, recursive: true);
        }

        // The samples' group robots, posting to local WeCom and DingTalk stand-ins (on the demo's clock, which a DingTalk signature is checked against).
        await using var robots = new LocalChatRobots(chatFolder, new FixedTimeProvider(Domain.Calendar.OfficeClock.At(asOf, new TimeOnly(10, 0))));
        await using var local = await LocalRuntime.StartAsync(settings with { AsOf = asOf }, cancellationToken, robots.SecretsFor(samples.ChatRobots()));
        var runtime = local.Runtime;

        var uploaded = await samples.UploadAsync(runtime.Storage, cancellationToken);
        output.WriteLine($"Loaded {uploaded} sample files from {samples.Path} into {runtime.Storage.Blobs.Uri}");

        var functions = runtime.Get<PipelineFunctions>();
        var gathered = await functions.GatherSubmissionsAsync(cancellationToken);
        output.WriteLine($"Templates: {gathered.TemplatesWritten} written to {runtime.Storage.Templates.Uri}");
        output.WriteLine($"GatherSubmissions: {gathered.Queued} file(s) queued for ingestion");
        await runtime.IngestPump().DrainAsync(cancellationToken);
        Summary.Receipts(output, await runtime.Get<ReceiptWriter>().ListAsync(cancellationToken));

        output.WriteLine(await AccountabilityWeek.EnterLeaveAsync(local, asOf, asOf.AddDays(4), cancellationToken));
        var runStarted = DateTimeOffset.UtcNow.AddSeconds(-5);
        var scan = await runtime.ScanAsync(asOf, cancellationToken);
        Summary.Scan(output, scan);
        await runtime.NotifyPump().DrainAsync(cancellationToken);
        Summary.Digests(output, scan);
        output.WriteLine(await AccountabilityWeek.NoticesAsync(local, Path.Combine(settings.OutFolder, "notices"), cancellationToken));
        output.WriteLine(
            $"Group chats: {robots.Received.Count} message(s) posted to the local WeCom and DingTalk robots, written to {Path.GetFullPath(chatFolder)}"
        );

        await ReportCommand.WriteAsync(runtime, settings, Domain.Weekly.ReportWeek.Of(asOf), dryRun: false, output, cancellationToken);
        await MonthlyReportCommand.WriteAsync(
            runtime,
            settings,
            new DateOnly(asOf.Year, asOf.Month, 1).AddMonths(-1),
            asOf,
            dryRun: false,
            output,
            cancellationToken
        );
        output.WriteLine(
            await ClerkLoop.RunAsync(
                runtime,
                Clerk,
                Path.Combine(settings.OutFolder, "board"),
                runtime.Get<Microsoft.Extensions.Logging.ILoggerFactory>().CreateLogger("ApprovalWatch.Board"),
                cancellationToken
            )
        );
        var shown = (await runtime.Get<Pipeline.KeyProjects.WeeklyReports>().LatestAsync(cancellationToken))
            ?.Lights.FirstOrDefault(l => l.Light == Domain.Weekly.WeeklyCalculator.Red)
            ?.Code
            ?? SampleProject;
        // A leader in charge lands on his own projects: what he reads on his phone.
        await using (var leaderBoard = await LocalBoardServer.StartAsync(runtime.Get<Board.BoardPipeline>(), DemoLeader, 0, cancellationToken))
        {
            var folder = Path.Combine(settings.OutFolder, "board");
            if (await BoardScreenshots.TakeAsync(leaderBoard.Address, [("mine-phone", "/mine")], folder, cancellationToken, "390,844"))
            {
                output.WriteLine($"Board: {DemoLeader}'s own projects (/mine) at phone width in {Path.Combine(folder, "mine-phone.png")}");
            }
        }

        await ServeCommand.ShowBoardAsync(
            runtime,
            settings,
            BoardIdentity,
            [("board", "/board"), ("checks", "/checks"), ("project", $"/projects/{shown}"), ("notices", "/notices"), ("notice", "/notices/2026/1")],
            serve,
            output,
            cancellationToken
        );

        var tally = await LocalDelivery.DeliverAsync(
            runtime.NotifyPump(),
            runtime.Storage,
            runStarted,
            runtime.Get<Microsoft.Extensions.Options.IOptions<Pipeline.Mail.MailOptions>>().Value.OneShotWait,
            cancellationToken
        );
        var poisoned = await PoisonedAsync(runtime, cancellationToken);
        output.WriteLine(local.Mail is null
            ? $"Emails: {tally} (through SendGrid)"
            : $"Emails: {tally} (through the SendGrid SDK to the local endpoint, written to {Path.GetFullPath(settings.MailFolder)})");
        if (poisoned > 0)
        {
            output.WriteLine($"FAILED: {poisoned} message(s) ended in a poison queue; see the log above.");
            return 1;
        }

        return await BackUpAndRestoreAsync(runtime, settings, output, cancellationToken);
    }

    /// <summary>The day's state backed up into out/backup and restored into an empty store of its own, compared row for row.</summary>
    private static async Task<int> BackUpAndRestoreAsync(CliRuntime runtime, CliSettings settings, TextWriter output, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(settings.OutFolder, "backup");
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        var backup = runtime.Get<TableBackup>();
        var rows = await backup.ExportToFolderAsync(folder, cancellationToken);
        var names = StorageNames.WithSuffix("restore" + Guid.NewGuid().ToString("N")[..8]);
        var empty = new TableBackup(new StorageAccount(runtime.Storage.Blobs, runtime.Storage.Queues, runtime.Storage.Tables, names));
        await empty.RestoreFromFolderAsync(folder, intoNonEmpty: false, cancellationToken);
        var same = (await backup.RowsAsync(cancellationToken)).SequenceEqual(await empty.RowsAsync(cancellationToken));
        foreach (var (_, table) in empty.Tables)
        {
            await table.DeleteAsync(cancellationToken);
        }

        output.WriteLine(
            $"Backup: {rows.Values.Sum():N0} rows of {rows.Count} tables in {Path.GetFullPath(folder)}; "
                + $"restored into an empty store, row for row: {(same ? "yes" : "NO")}"
        );
        return same ? 0 : 1;
    }

    private static async Task<int> PoisonedAsync(CliRuntime runtime, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var queue in new[] { runtime.Storage.IngestQueue, runtime.Storage.NotifyQueue })
        {
            count += (await runtime.Storage.PoisonQueue(queue).GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
        }

        return count;
    }

    private static void ClearMail(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (
            var file in Directory
                .EnumerateFiles(folder)
                .Where(f => f.EndsWith(".eml", StringComparison.Ordinal) || f.EndsWith(".html", StringComparison.Ordinal))
        )
        {
            File.Delete(file);
        }
    }
}
