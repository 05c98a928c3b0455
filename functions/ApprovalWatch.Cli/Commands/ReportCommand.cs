using ApprovalWatch.Domain.Weekly;
using ApprovalWatch.Pipeline.Hosting;
using ApprovalWatch.Pipeline.KeyProjects;

namespace ApprovalWatch.Cli.Commands;

/// <summary>
/// <c>report weekly</c>: a week's scheduling report made as the WeeklyReport function makes it — archived in
/// storage and queued to its readers (mails delivered to the local endpoint) — and its files written to
/// <c>out/reports/</c>; with <c>--dry-run</c>, only the files, nothing archived or sent.
/// </summary>
public static class ReportCommand
{
    public static async Task<int> RunAsync(CliSettings settings, string? weekText, bool dryRun, TextWriter output, CancellationToken cancellationToken)
    {
        ReportWeek? week = null;
        if (weekText is not null)
        {
            if (!ReportWeek.TryParse(weekText, out var parsed))
            {
                output.WriteLine($"--week {weekText}: write an ISO week such as 2026-W12.");
                return 2;
            }

            week = parsed;
        }

        await using var runtime = await CliRuntime.StartAsync(settings, cancellationToken);
        return await WriteAsync(
            runtime,
            settings,
            week ?? ReportWeek.Of(settings.AsOf ?? Domain.Calendar.OfficeClock.Today(TimeProvider.System)),
            dryRun,
            output,
            cancellationToken
        );
    }

    /// <summary>Makes (and unless a dry run, archives and sends) a week's report; its files under <c>out/reports/</c>.</summary>
    public static async Task<int> WriteAsync(
        CliRuntime runtime,
        CliSettings settings,
        ReportWeek week,
        bool dryRun,
        TextWriter output,
        CancellationToken cancellationToken
    )
    {
        var published = dryRun
            ? await runtime.Get<WeeklyReports>().PublishAsync(week, send: false, cancellationToken)
            : await runtime.Get<PipelineFunctions>().WeeklyReportAsync(week, cancellationToken);
        var folder = Path.Combine(settings.OutFolder, "reports");
        Directory.CreateDirectory(folder);
        foreach (var (name, content) in published.Files)
        {
            await File.WriteAllBytesAsync(Path.Combine(folder, name), content, cancellationToken);
        }

        Summary.WeeklyReport(output, published.Report);
        output.WriteLine($"  files: {string.Join(", ", published.Files.Keys.Order(StringComparer.Ordinal))} in {folder}");
        if (dryRun)
        {
            output.WriteLine($"  dry run: nothing archived, nothing sent; it would go to {published.Recipients.Count} reader(s)");
            return 0;
        }

        await runtime.NotifyPump().DrainAsync(cancellationToken);
        output.WriteLine(
            $"  queued to {published.Queued} of {published.Recipients.Count} reader(s) (leaders, coordinators, department heads); the week's mails "
                + $"are sent once"
        );
        return 0;
    }
}
