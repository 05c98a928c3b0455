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
/// The daily run: on a working day (Beijing time), measures every procedure against its time limit,
/// records each change of flag, and queues one digest per recipient. On a day off it does nothing;
/// a second run on the same day queues nothing new.
/// </summary>
public sealed class DeadlineScanner(
    StorageAccount storage,
    PipelineConfigLoader configLoader,
    DigestQueue digestQueue,
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
        if (!config.Calendar.IsWorkingDay(today))
        {
            var day = config.Calendar.Exception(today)?.Name is { Length: > 0 } name ? name : today.DayOfWeek.ToString();
            logger.LogInformation("{Date} is not a working day ({Day}): no scan", today, day);
            return new ScanResult { Date = today, Skipped = $"{today:yyyy-MM-dd} is not a working day ({day})" };
        }

        var ladder = options.Value.Ladder;
        var flags = new Dictionary<string, Dictionary<Flag, int>>();
        var updates = new List<TableTransactionAction>();
        var history = new List<HistoryEntity>();
        var lines = new List<DigestLine>();
        var errors = new List<string>();
        var finishedLate = 0;
        var scannedAt = OfficeClock.At(today, TimeOnly.MinValue);
        await foreach (var entity in storage.Procedures.QueryAsync<ProcedureEntity>(cancellationToken: cancellationToken))
        {
            var procedure = entity.ToProcedure();
            Assessment assessment;
            try
            {
                assessment = Assessment.Of(procedure, config.Calendar, today, ladder.WarningWorkingDays);
            }
            catch (CalendarYearMissingException e)
            {
                errors.Add($"{procedure.ProjectCode} {procedure.ProcedureCode}: {e.Message}");
                continue;
            }

            var counts = flags.TryGetValue(procedure.Department, out var c) ? c : flags[procedure.Department] = [];
            counts[assessment.Flag] = counts.GetValueOrDefault(assessment.Flag) + 1;
            finishedLate += assessment.FinishedLate ? 1 : 0;

            var flag = assessment.Flag.ToString().ToLowerInvariant();
            var dueOn = assessment.Deadline.DueOn is { } due ? ProcedureEntity.Iso(due) : null;
            if (entity.Flag != flag || entity.DueOn != dueOn || entity.WorkingDaysLeft != assessment.WorkingDaysLeft || entity.FinishedLate != assessment.FinishedLate)
            {
                updates.Add(new TableTransactionAction(TableTransactionActionType.UpdateMerge, new TableEntity(entity.PartitionKey, entity.RowKey)
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
                history.Add(HistoryEntity.Change(entity.PartitionKey, entity.RowKey, "flag", entity.Flag, flag, scannedAt, "scan"));
            }

            if (assessment.Flag is Flag.Yellow or Flag.Red)
            {
                lines.Add(Line(procedure, assessment, config));
            }
        }

        var digests = DigestPlanner.Plan(today, lines, config.Staff, ladder);
        var result = new ScanResult
        {
            Date = today,
            Flags = flags.ToDictionary(f => f.Key, f => (IReadOnlyDictionary<Flag, int>)f.Value),
            FinishedLate = finishedLate,
            Digests = digests,
            Errors = errors,
        };
        foreach (var error in errors)
        {
            logger.LogError("Not measured: {Error}", error);
        }

        if (dryRun)
        {
            return result;
        }

        await TableBatches.SubmitAsync(storage.History, history.Select(h => new TableTransactionAction(TableTransactionActionType.UpsertReplace, h)), EntitySize.Estimate, cancellationToken);
        await TableBatches.SubmitAsync(storage.Procedures, updates, EntitySize.Estimate, cancellationToken);
        var queued = 0;
        foreach (var digest in digests)
        {
            queued += await digestQueue.QueueAsync(digest, cancellationToken) ? 1 : 0;
        }

        logger.LogInformation(
            "Scanned {Date}: {Red} red, {Yellow} yellow; {Queued} digest(s) queued, {Already} already notified",
            today, result.Count(Flag.Red), result.Count(Flag.Yellow), queued, digests.Count - queued);
        return result with { Queued = queued, AlreadyNotified = digests.Count - queued };
    }

    private static DigestLine Line(Procedure procedure, Assessment assessment, PipelineConfig config)
    {
        var entry = config.Catalogue.Find(procedure.ProcedureCode);
        return new DigestLine
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
            ExtensionDays = procedure.ExtensionDays,
            PausedWorkingDays = assessment.Deadline.PausedWorkingDays,
            Flag = assessment.Flag,
            WorkingDaysLeft = assessment.WorkingDaysLeft,
        };
    }
}
