using System.Globalization;
using ApprovalWatch.Pipeline.Monthly;

namespace ApprovalWatch.Cli.Commands;

/// <summary>
/// <c>report monthly [--month 2026-03]</c>: a month's efficiency bulletin (效能通报), archived and queued to its readers as
/// the day's scan publishes it on a month's first working day (mails delivered to the local endpoint), its files written
/// to <c>out/reports/</c>; with <c>--dry-run</c>, only the files. The default month is the one before today (or --as-of).
/// </summary>
public static class MonthlyReportCommand
{
    public static async Task<int> RunAsync(CliSettings settings, string? monthText, bool dryRun, TextWriter output, CancellationToken cancellationToken)
    {
        var today = settings.AsOf ?? Domain.Calendar.OfficeClock.Today(TimeProvider.System);
        var month = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        if (monthText is not null)
        {
            if (!DateOnly.TryParseExact(monthText + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out month))
            {
                output.WriteLine($"--month {monthText}: write a month such as 2026-03.");
                return 2;
            }
        }

        await using var runtime = await CliRuntime.StartAsync(settings, cancellationToken);
        return await WriteAsync(runtime, settings, month, today, dryRun, output, cancellationToken);
    }

    public static async Task<int> WriteAsync(
        CliRuntime runtime,
        CliSettings settings,
        DateOnly month,
        DateOnly today,
        bool dryRun,
        TextWriter output,
        CancellationToken cancellationToken
    )
    {
        var published = await runtime.Get<MonthlyBulletins>().PublishAsync(month, today, send: !dryRun, cancellationToken);
        var folder = Path.Combine(settings.OutFolder, "reports", "monthly");
        Directory.CreateDirectory(folder);
        foreach (var (name, content) in published.Files)
        {
            await File.WriteAllBytesAsync(Path.Combine(folder, name), content, cancellationToken);
        }

        var b = published.Bulletin;
        var best = b.Departments.FirstOrDefault(d => d.Rank == 1);
        output.WriteLine(
            $"Efficiency bulletin {b.Month}: {b.Total.Finished} finished, {b.Total.OnTime} on time "
                + $"({(b.Total.OnTimeRate is { } r ? $"{r:P1}" : "—")}), {b.Total.OverdueWorkingDays} working days overdue, "
                + $"{b.Total.NoticesReceived} notice(s); {b.Departments.Count(d => d.Rank > 0)} department(s) and "
                + $"{b.Handlers.Count(h => h.Rank > 0)} handler(s) ranked{(best is null ? "" : $", first {best.Key}")}"
        );
        output.WriteLine($"  files: {string.Join(", ", published.Files.Keys.Order(StringComparer.Ordinal))} in {folder}");
        if (dryRun)
        {
            output.WriteLine("  dry run: nothing archived, nothing sent");
            return 0;
        }

        await runtime.NotifyPump().DrainAsync(cancellationToken);
        output.WriteLine($"  queued to {published.Queued} reader(s) (department heads, leaders, coordinators); each month's mail is sent once");
        return 0;
    }
}
