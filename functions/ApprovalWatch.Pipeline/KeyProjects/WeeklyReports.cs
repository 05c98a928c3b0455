using ApprovalWatch.Domain.Audit;
using System.Text;
using System.Text.Json;
using ApprovalWatch.Domain.Calendar;
using ApprovalWatch.Domain.Reference;
using ApprovalWatch.Domain.Staff;
using ApprovalWatch.Domain.Weekly;
using ApprovalWatch.Pipeline.Mail;
using ApprovalWatch.Pipeline.Reference;
using ApprovalWatch.Pipeline.Storage;
using ApprovalWatch.Presentation;
using ApprovalWatch.Presentation.Mail;
using ApprovalWatch.Presentation.Weekly;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ApprovalWatch.Pipeline.KeyProjects;

/// <summary>
/// The weekly scheduling report: computed from the stored rows (register, progress, problems,
/// procedures), archived as <c>reports/weekly/{yyyy}-W{ww}.html</c>, <c>.xlsx</c>, <c>.json</c> and its charts, and
/// queued to every leader, the coordinators and each department head for the start of their office hours on the
/// week's Monday, one mail per person (the Notifications ledger holds one per person and week). The same week
/// again writes the same content and queues nothing twice; last week's archived report gives the changes.
/// </summary>
public sealed class WeeklyReports(
    StorageAccount storage,
    KeyProjectTable keyProjects,
    ProcedureTable procedureTable,
    HistoryLog history,
    ReferenceDataLoader referenceLoader,
    NotificationQueue queue,
    Notices.NoticeBook notices,
    IOptions<KeyProjectOptions> options,
    ILogger<WeeklyReports> logger
)
{
    public const string Folder = "weekly/";

    private readonly ReportArchive _archive = new(storage, Folder);

    public sealed record Published(WeeklyReport Report, IReadOnlyDictionary<string, byte[]> Files, IReadOnlyList<string> Recipients, int Queued);

    /// <param name="send">False for a dry run: archive nothing, queue nothing.</param>
    public async Task<Published> PublishAsync(ReportWeek week, bool send, CancellationToken cancellationToken)
    {
        var reference = await referenceLoader.LoadAsync(cancellationToken);
        var inputs = await InputsAsync(week, reference, cancellationToken);
        var report = WeeklyCalculator.Compute(inputs, await ReadAsync(week.Previous, cancellationToken));
        var files = await FilesAsync(report, inputs, cancellationToken);
        var recipients = reference.Staff.ReportReaders();
        var queued = 0;
        if (send)
        {
            await _archive.WriteAsync(files, cancellationToken);
            foreach (var person in recipients)
            {
                foreach (var (to, about) in ReaderCopies.For(person, week.ToString(), recipients, reference.Staff, reference.Leave, week.Monday))
                {
                    queued += await queue.QueueOnceAsync(
                        WeeklyReportMail.Message(week.Monday, about, to),
                        NotificationKeys.Weekly(week.Monday, to),
                        reference.Calendars.HoursOf(reference.Staff.Find(to)?.Calendar ?? person.Calendar).OpensAt(week.Monday),
                        0,
                        cancellationToken
                    )
                        ? 1
                        : 0;
                }
            }
        }

        logger.LogInformation(
            "Weekly report {Week}: {Projects} projects, {Red} red; queued to {Queued} of {Recipients} recipient(s)",
            week,
            report.Headline.Projects,
            report.Count(WeeklyCalculator.Red),
            queued,
            recipients.Count
        );
        return new Published(report, files, recipients.Select(p => p.Email).ToList(), queued);
    }

    /// <summary>The mail of an archived week in a reader's language, opening with what is his: the charts inline, the workbook attached.</summary>
    public async Task<RenderedMail> RenderMailAsync(string week, Language language, WeeklyReader? reader, CancellationToken cancellationToken)
    {
        var report = await ReadAsync(ReportWeek.TryParse(week, out var parsed) ? parsed : throw new FormatException($"Not a week: {week}"), cancellationToken)
            ?? throw new InvalidOperationException($"The weekly report {week} is not archived.");
        var workbook = await _archive.ReadAsync($"{week}.xlsx", cancellationToken);
        var charts = WeeklyCharts.Render(report, language);
        return WeeklyRenderer.Render(report, language, name => "cid:" + name, reader) with
        {
            Attachments =
            [
                new MailAttachment(WeeklyWorkbook.FileName(week), ContentTypes.Xlsx, workbook),
                .. charts.Select(c => new MailAttachment(c.Key, ContentTypes.Png, c.Value, c.Key)),
            ],
        };
    }

    /// <summary>The latest archived report, or null when none is.</summary>
    public async Task<WeeklyReport?> LatestAsync(CancellationToken cancellationToken)
    {
        string? latest = null;
        await foreach (var name in _archive.NamesAsync(cancellationToken))
        {
            latest = name.EndsWith(".json", StringComparison.Ordinal) && string.CompareOrdinal(name, latest) > 0 ? name : latest;
        }

        return latest is not null && ReportWeek.TryParse(latest[..^".json".Length], out var week) ? await ReadAsync(week, cancellationToken) : null;
    }

    /// <summary>The archived report of a week, or null.</summary>
    public Task<WeeklyReport?> ReadAsync(ReportWeek week, CancellationToken cancellationToken) =>
        _archive.ReadJsonAsync<WeeklyReport>($"{week}.json", cancellationToken);

    private static async Task<Dictionary<string, byte[]>> FilesAsync(WeeklyReport report, WeeklyInputs inputs, CancellationToken cancellationToken)
    {
        var week = report.Week;
        var charts = WeeklyCharts.Render(report, Language.Chinese);
        var html = WeeklyRenderer.Render(report, Language.Chinese, name => $"{week}-{name}").Html;
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            [$"{week}.json"] = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(report, StorageJson.Options)),
            [$"{week}.html"] = Encoding.UTF8.GetBytes(html),
            [$"{week}.xlsx"] = await WeeklyWorkbook.WriteAsync(report, inputs, cancellationToken),
        };
        foreach (var (name, png) in charts)
        {
            files[$"{week}-{name}"] = png;
        }

        return files;
    }

    private async Task<WeeklyInputs> InputsAsync(ReportWeek week, ReferenceData reference, CancellationToken cancellationToken)
    {
        var (projects, progress, problems) = await keyProjects.ReadAllAsync(cancellationToken);
        var procedures = await procedureTable.FactsAsync(cancellationToken);

        var late = new List<LateReport>();
        await foreach (var b in history.ReadAsync<ReportBackdated>(since: null, cancellationToken))
        {
            late.Add(
                new LateReport(b.Project, b.Item, b.Department ?? "", b.What, b.Reported, b.EarlierFile, b.EarlierAsOf, b.LaterFile, OfficeClock.DateOf(b.At))
            );
        }

        var settings = options.Value;
        // A ladder without the weekly-report rung lights no project red for an overdue procedure alone.
        var ladder = reference.Ladder.WeeklyReportOverdueDays ?? int.MaxValue;
        var calendar = reference.PrefectureCalendar;
        return new WeeklyInputs(
            week,
            projects,
            progress,
            procedures,
            problems,
            calendar,
            new LightRules(
                settings.YellowPointsBelowPace,
                settings.RedPointsBelowPace,
                ladder,
                reference.Pace is null ? settings.Pace : PaceRule.Curve
            ),
            reference.Staff.NameOf,
            reference.Catalogue,
            reference.Pace,
            late,
            [.. (await notices.ListAsync(week.AsOf.Year - 1, cancellationToken)).Select(n => n.Notice)]
        );
    }
}
