using ApprovalWatch.Calendar;
using ApprovalWatch.Catalogue;
using ApprovalWatch.Configuration;
using ApprovalWatch.Deadlines;
using ApprovalWatch.Digests;
using ApprovalWatch.Mail;
using ApprovalWatch.Storage;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ApprovalWatch.Scanning;

/// <summary>
/// The daily run: measures every procedure against its time limits (on its project's calendar) and every
/// project against its whole-process and stage limits, records each change of flag, and queues one digest
/// per recipient, to be delivered at the start of the recipient's office hours. A recipient on a day off
/// gets nothing; a second run on the same day queues nothing new.
/// </summary>
public sealed class DeadlineScanner(
    StorageAccount storage,
    PipelineConfigLoader configLoader,
    NotificationQueue notifications,
    IOptions<ScanOptions> options,
    TimeProvider time,
    ILogger<DeadlineScanner> logger)
{
    /// <param name="date">The office day to scan; today in Beijing when null.</param>
    /// <param name="dryRun">Measure and plan, but write and queue nothing.</param>
    public async Task<ScanResult> ScanAsync(DateOnly? date, bool dryRun, CancellationToken cancellationToken)
    {
        var today = date ?? OfficeClock.Today(time);
        var config = await configLoader.LoadAsync(cancellationToken);
        if (!config.Calendars.AnyWorks(today))
        {
            var day = config.Calendars.NationalCalendar.Exception(today)?.Name is { Length: > 0 } name ? name : today.DayOfWeek.ToString();
            logger.LogInformation("{Date} is not a working day ({Day}): no scan", today, day);
            return new ScanResult { Date = today, Skipped = $"{today:yyyy-MM-dd} is not a working day ({day})" };
        }

        var scan = new Measurements(today, options.Value, config);
        await foreach (var entity in storage.Procedures.QueryAsync<ProcedureEntity>(cancellationToken: cancellationToken))
        {
            scan.Add(entity);
        }

        var projects = scan.MeasureProjects();
        var stored = new Dictionary<(string, string), ProjectMeasureEntity>();
        await foreach (var row in storage.Projects.QueryAsync<ProjectMeasureEntity>(cancellationToken: cancellationToken))
        {
            stored[(row.PartitionKey, row.RowKey)] = row;
        }

        var projectWrites = new List<TableTransactionAction>();
        foreach (var measure in projects)
        {
            var row = ProjectMeasureEntity.From(measure);
            var before = stored.GetValueOrDefault((row.PartitionKey, row.RowKey));
            if (before is null || !before.SameAs(row))
            {
                projectWrites.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, row));
            }

            if (before?.Flag != row.Flag)
            {
                scan.History.Add(HistoryEntity.Change(row.PartitionKey, row.RowKey, "flag", before?.Flag, row.Flag, scan.At, "scan"));
            }
        }

        var digests = DigestPlanner.Plan(today, scan.Lines, config.Staff, options.Value.Ladder);
        var result = scan.Result(digests);
        foreach (var error in result.Errors)
        {
            logger.LogError("Not measured: {Error}", error);
        }

        if (dryRun)
        {
            return result;
        }

        await TableBatches.SubmitAsync(storage.History, scan.History.Select(h => new TableTransactionAction(TableTransactionActionType.UpsertReplace, h)), EntitySize.Estimate, cancellationToken);
        await TableBatches.SubmitAsync(storage.Procedures, scan.Updates, EntitySize.Estimate, cancellationToken);
        await TableBatches.SubmitAsync(storage.Projects, projectWrites, EntitySize.Estimate, cancellationToken);

        var (queued, already, dayOff) = (0, 0, 0);
        foreach (var digest in digests)
        {
            var calendarName = config.Staff.Find(digest.RecipientEmail)?.Calendar ?? CalendarSet.National;
            if (!config.Calendars.Get(calendarName).IsWorkingDay(today) && !(options.Value.SendCriticalOnDaysOff && IsCritical(digest)))
            {
                dayOff++;
                continue;
            }

            var sendAt = config.Calendars.HoursOf(calendarName).OpensAt(today);
            if (await notifications.QueueAsync(digest, sendAt, cancellationToken))
            {
                queued++;
            }
            else
            {
                already++;
            }
        }

        logger.LogInformation(
            "Scanned {Date}: {Red} red, {Yellow} yellow; {Queued} digest(s) queued, {Already} already notified, {DayOff} on a day off",
            today, result.Count(Flag.Red), result.Count(Flag.Yellow), queued, already, dayOff);
        return result with { Queued = queued, AlreadyNotified = already, DayOff = dayOff };
    }

    private bool IsCritical(Digest digest) => digest.Lines.Any(l => DigestPlanner.Level(l, options.Value.Ladder) >= 4);

    /// <summary>The measurements of one scan, procedure by procedure, then project by project.</summary>
    private sealed class Measurements(DateOnly today, ScanOptions options, PipelineConfig config)
    {
        private readonly Dictionary<string, Dictionary<Flag, int>> _flags = [];
        private readonly Dictionary<string, Dictionary<Flag, int>> _projectFlags = [];
        private readonly Dictionary<string, List<(Procedure Procedure, int Stage)>> _projects = [];
        private readonly Dictionary<string, string> _projectNames = [];
        private readonly List<string> _errors = [];
        private int _finishedLate;
        private int _extended;
        private int _pastStatutory;

        public DateTimeOffset At { get; } = OfficeClock.At(today, TimeOnly.MinValue);

        public List<TableTransactionAction> Updates { get; } = [];

        public List<HistoryEntity> History { get; } = [];

        public List<DigestLine> Lines { get; } = [];


        public void Add(ProcedureEntity entity)
        {
            var procedure = entity.ToProcedure();
            var entry = config.Catalogue.Find(procedure.ProcedureCode);
            Assessment assessment;
            try
            {
                var calendar = config.Calendars.ForRegion(Submissions.ProjectCode.Region(procedure.ProjectCode));
                assessment = Assessment.Of(procedure, calendar, today, options.WarningWorkingDays, entry?.StatutoryDays);
            }
            catch (CalendarYearMissingException e)
            {
                _errors.Add($"{procedure.ProjectCode} {procedure.ProcedureCode}: {e.Message}");
                return;
            }

            Count(_flags, procedure.Department, assessment.Flag);
            _finishedLate += assessment.FinishedLate ? 1 : 0;
            _extended += procedure.ExtensionDays > 0 && !procedure.Status.IsFinished() ? 1 : 0;
            _pastStatutory += assessment.PastStatutory ? 1 : 0;
            if (entry is not null)
            {
                (_projects.TryGetValue(procedure.ProjectCode, out var list) ? list : _projects[procedure.ProjectCode] = []).Add((procedure, entry.Stage));
                _projectNames[procedure.ProjectCode] = procedure.ProjectName;
            }

            var flag = assessment.Flag.ToString().ToLowerInvariant();
            var dueOn = assessment.Deadline.DueOn is { } due ? ProcedureEntity.Iso(due) : null;
            if (entity.Flag != flag || entity.DueOn != dueOn || entity.WorkingDaysLeft != assessment.WorkingDaysLeft || entity.FinishedLate != assessment.FinishedLate)
            {
                Updates.Add(new TableTransactionAction(TableTransactionActionType.UpdateMerge, new TableEntity(entity.PartitionKey, entity.RowKey)
                {
                    [nameof(ProcedureEntity.Flag)] = flag,
                    [nameof(ProcedureEntity.DueOn)] = dueOn,
                    [nameof(ProcedureEntity.WorkingDaysLeft)] = assessment.WorkingDaysLeft,
                    [nameof(ProcedureEntity.FinishedLate)] = assessment.FinishedLate,
                    [nameof(ProcedureEntity.FlaggedOn)] = ProcedureEntity.Iso(today),
                }, ETag.All));
            }

            if (entity.Flag != flag)
            {
                History.Add(HistoryEntity.Change(entity.PartitionKey, entity.RowKey, "flag", entity.Flag, flag, At, "scan"));
            }

            if (assessment.Flag is Flag.Yellow or Flag.Red)
            {
                Lines.Add(new DigestLine
                {
                    ProjectCode = procedure.ProjectCode,
                    ProjectName = procedure.ProjectName,
                    ProcedureCode = procedure.ProcedureCode,
                    ProcedureChineseName = entry?.ChineseName ?? procedure.ProcedureCode,
                    ProcedureEnglishName = entry?.EnglishName ?? procedure.ProcedureCode,
                    Department = procedure.Department,
                    HandlerEmail = procedure.HandlerEmail,
                    HandlerName = config.Staff.Find(procedure.HandlerEmail)?.Name ?? procedure.HandlerEmail,
                    AcceptedOn = procedure.AcceptedOn,
                    DueOn = assessment.Deadline.DueOn!.Value,
                    LimitDays = procedure.LimitDays,
                    StatutoryDays = entry?.StatutoryDays ?? 0,
                    StatutoryDueOn = assessment.StatutoryDueOn,
                    PastStatutory = assessment.PastStatutory,
                    ExtensionDays = procedure.ExtensionDays,
                    PausedWorkingDays = assessment.Deadline.PausedWorkingDays,
                    Flag = assessment.Flag,
                    WorkingDaysLeft = assessment.WorkingDaysLeft,
                });
            }
        }

        public List<ProjectMeasure> MeasureProjects()
        {
            var measures = new List<ProjectMeasure>();
            foreach (var (code, procedures) in _projects)
            {
                try
                {
                    var calendar = config.Calendars.ForRegion(Submissions.ProjectCode.Region(code));
                    measures.AddRange(ProjectMeasure.Of(code, procedures, calendar, today, options.ProjectLimits));
                }
                catch (CalendarYearMissingException e)
                {
                    _errors.Add($"{code}: {e.Message}");
                }
            }

            foreach (var measure in measures)
            {
                Count(_projectFlags, measure.Scope, measure.Flag);
                if (measure.Flag is Flag.Yellow or Flag.Red)
                {
                    Lines.Add(new DigestLine
                    {
                        ProjectCode = measure.ProjectCode,
                        ProjectName = _projectNames[measure.ProjectCode],
                        ProcedureCode = measure.Scope,
                        ProcedureChineseName = measure.Stage == 0 ? Stages.WholeProcessChineseName : Stages.ChineseName(measure.Stage),
                        ProcedureEnglishName = measure.Stage == 0 ? Stages.WholeProcessEnglishName : Stages.EnglishName(measure.Stage),
                        Department = "",
                        HandlerEmail = "",
                        HandlerName = "",
                        AcceptedOn = measure.StartedOn,
                        DueOn = measure.DueOn,
                        LimitDays = measure.LimitDays,
                        Flag = measure.Flag,
                        WorkingDaysLeft = measure.WorkingDaysLeft,
                        Scope = measure.Scope,
                        HoldingDepartments = measure.HoldingDepartments,
                    });
                }
            }

            return measures;
        }

        public ScanResult Result(IReadOnlyList<Digest> digests) => new()
        {
            Date = today,
            Flags = _flags.ToDictionary(f => f.Key, f => (IReadOnlyDictionary<Flag, int>)f.Value),
            ProjectFlags = _projectFlags.ToDictionary(f => f.Key, f => (IReadOnlyDictionary<Flag, int>)f.Value),
            FinishedLate = _finishedLate,
            Extended = _extended,
            PastStatutory = _pastStatutory,
            Digests = digests,
            Errors = _errors,
        };

        private static void Count(Dictionary<string, Dictionary<Flag, int>> counts, string key, Flag flag)
        {
            var byFlag = counts.TryGetValue(key, out var c) ? c : counts[key] = [];
            byFlag[flag] = byFlag.GetValueOrDefault(flag) + 1;
        }
    }
}
