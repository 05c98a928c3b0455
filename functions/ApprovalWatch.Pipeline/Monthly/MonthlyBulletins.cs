using ApprovalWatch.Domain.Audit;
using System.Text;
using System.Text.Json;
using ApprovalWatch.Domain.Calendar;
using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Domain.Monthly;
using ApprovalWatch.Domain.Reference;
using ApprovalWatch.Domain.Staff;
using ApprovalWatch.Pipeline.Events;
using ApprovalWatch.Pipeline.Mail;
using ApprovalWatch.Pipeline.Notices;
using ApprovalWatch.Pipeline.Reference;
using ApprovalWatch.Pipeline.Storage;
using ApprovalWatch.Presentation;
using ApprovalWatch.Presentation.Mail;
using ApprovalWatch.Presentation.Monthly;
using Microsoft.Extensions.Logging;

namespace ApprovalWatch.Pipeline.Monthly;

/// <summary>
/// The monthly efficiency bulletin: computed from the stored procedures, History's flags and acknowledgements,
/// the notices and the problems; archived as <c>reports/monthly/{yyyy-MM}.html</c>, <c>.xlsx</c>, <c>.json</c> and its
/// chart; queued to the department heads, the leaders and the coordinators for their office opening. Published on the
/// first working day of the next month by the day's scan; the same month again writes the same content and queues
/// nothing twice; last month's archived bulletin gives the change of ranks.
/// </summary>
public sealed class MonthlyBulletins(
    StorageAccount storage,
    ProcedureTable procedureTable,
    KeyProjectTable keyProjects,
    HistoryLog history,
    ReferenceDataLoader referenceLoader,
    NoticeBook notices,
    NotificationQueue queue,
    Microsoft.Extensions.Options.IOptions<Scanning.ScanOptions> scanOptions,
    Microsoft.Extensions.Options.IOptions<KeyProjects.KeyProjectOptions> keyProjectOptions,
    ILogger<MonthlyBulletins> logger
) : IEventHandler<DayScanned>
{
    private readonly ReportArchive _archive = new(storage, EfficiencyBulletin.Folder);

    public sealed record Published(EfficiencyBulletin Bulletin, IReadOnlyDictionary<string, byte[]> Files, int Queued);

    /// <summary>On a scanned day that is a month's first working day in the prefecture, last month's bulletin.</summary>
    public async Task HandleAsync(DayScanned published, CancellationToken cancellationToken)
    {
        if (EfficiencyBulletin.DueOn(published.Date, published.Reference.PrefectureCalendar) is { } month)
        {
            await PublishAsync(month, published.Date, send: true, cancellationToken);
        }
    }

    /// <param name="today">The office day it is published: its readers have it at their office opening.</param>
    /// <param name="send">False for a dry run: archive nothing, queue nothing.</param>
    public async Task<Published> PublishAsync(DateOnly month, DateOnly today, bool send, CancellationToken cancellationToken)
    {
        var reference = await referenceLoader.LoadAsync(cancellationToken);
        var inputs = await InputsAsync(new DateOnly(month.Year, month.Month, 1), reference, cancellationToken);
        var bulletin = BulletinCalculator.Compute(inputs, await ReadAsync(EfficiencyBulletin.MonthOf(inputs.First.AddMonths(-1)), cancellationToken));
        var departmentName = Words.Of(Language.Chinese).Department;
        var chart = BulletinChart.Render(bulletin, departmentName);
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            [$"{bulletin.Month}.json"] = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(bulletin, StorageJson.Options)),
            [$"{bulletin.Month}.html"] = Encoding.UTF8.GetBytes(
                BulletinRenderer.Render(bulletin, departmentName, $"{bulletin.Month}-{BulletinChart.Name}").Html
            ),
            [$"{bulletin.Month}.xlsx"] = await BulletinWorkbook.WriteAsync(bulletin, departmentName, cancellationToken),
            [$"{bulletin.Month}-{BulletinChart.Name}"] = chart,
        };
        var queued = 0;
        if (send)
        {
            await _archive.WriteAsync(files, cancellationToken);
            var readers = reference.Staff.ReportReaders();
            foreach (var person in readers)
            {
                foreach (var (to, about) in ReaderCopies.For(person, bulletin.Month, readers, reference.Staff, reference.Leave, today))
                {
                    queued += await queue.QueueOnceAsync(
                        BulletinMail.Message(today, about, to),
                        BulletinMail.Key(bulletin.Month, to),
                        reference.Calendars.HoursOf(reference.Staff.Find(to)?.Calendar ?? person.Calendar).OpensAt(today),
                        0,
                        cancellationToken
                    )
                        ? 1
                        : 0;
                }
            }
        }

        logger.LogInformation(
            "Efficiency bulletin {Month}: {Finished} finished, {Departments} department(s) ranked; queued to {Queued}",
            bulletin.Month,
            bulletin.Total.Finished,
            bulletin.Departments.Count(d => d.Rank > 0),
            queued
        );
        return new Published(bulletin, files, queued);
    }

    /// <summary>The mail of an archived month: the chart inline, the workbook attached.</summary>
    public async Task<RenderedMail> RenderMailAsync(string month, CancellationToken cancellationToken)
    {
        var bulletin = await ReadAsync(month, cancellationToken) ?? throw new InvalidOperationException($"The efficiency bulletin {month} is not archived.");
        var workbook = await _archive.ReadAsync($"{month}.xlsx", cancellationToken);
        var chart = await _archive.ReadAsync($"{month}-{BulletinChart.Name}", cancellationToken);
        return BulletinRenderer.Render(bulletin, Words.Of(Language.Chinese).Department, "cid:" + BulletinChart.Name) with
        {
            Attachments =
            [
                new MailAttachment(BulletinWorkbook.FileName(month), ContentTypes.Xlsx, workbook),
                new MailAttachment(BulletinChart.Name, ContentTypes.Png, chart, BulletinChart.Name),
            ],
        };
    }

    public Task<EfficiencyBulletin?> ReadAsync(string month, CancellationToken cancellationToken) =>
        _archive.ReadJsonAsync<EfficiencyBulletin>($"{month}.json", cancellationToken);

    private async Task<MonthlyInputs> InputsAsync(DateOnly first, ReferenceData reference, CancellationToken cancellationToken)
    {
        var procedures = await procedureTable.FactsAsync(cancellationToken);
        var (flags, acks) = (new List<FlagEvent>(), new List<AckEvent>());
        // Flags from a quarter before the month: a procedure acknowledged in it may have turned red before it began.
        var since = OfficeClock.At(first.AddMonths(-3), TimeOnly.MinValue);
        await foreach (var ack in history.ReadAsync<Acknowledged>(since, cancellationToken))
        {
            acks.Add(new AckEvent(ack.Project, ack.Item, OfficeClock.DateOf(ack.At)));
        }

        await foreach (var flagged in history.ReadAsync<FlagChanged>(since, cancellationToken))
        {
            if (flagged.To is Flag.Yellow or Flag.Red)
            {
                flags.Add(new FlagEvent(flagged.Project, flagged.Item, flagged.To, OfficeClock.DateOf(flagged.At)));
            }
        }

        var problems = await keyProjects.ProblemsAsync(cancellationToken).ToListAsync(cancellationToken);

        var calendar = reference.PrefectureCalendar;
        return new MonthlyInputs(
            first,
            procedures,
            flags,
            acks,
            [.. (await notices.ListAsync(first.Year - 1, cancellationToken)).Select(n => n.Notice)],
            problems,
            calendar,
            reference.Staff.NameOf
        )
        {
            WarningWorkingDays = scanOptions.Value.WarningWorkingDays,
            RankMinFinished = keyProjectOptions.Value.RankMinFinished,
        };
    }
}
