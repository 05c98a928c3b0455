using ApprovalWatch.Domain.Audit;
using ApprovalWatch.Domain.Acknowledgements;
using ApprovalWatch.Domain.Calendar;
using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Domain.Digests;
using ApprovalWatch.Domain.Reference;
using ApprovalWatch.Domain.Staff;
using ApprovalWatch.Domain.Submissions;
using ApprovalWatch.Domain.Text;
using ApprovalWatch.Pipeline.Scanning;
using ApprovalWatch.Pipeline.Storage;
using Microsoft.Extensions.Options;

namespace ApprovalWatch.Pipeline.Acknowledgements;

/// <summary>
/// An official's answer to a red or yellow line through a mail's signed link: the promised date (a working day within the
/// statutory limit) and a note, recorded on the procedure conditional on the row as read, with its History row and the
/// link's used marker. A replayed link, a second answer the same day or a finished procedure changes nothing.
/// </summary>
public sealed class Acknowledging(ProcedureTable procedures, HistoryLog history, IOptions<ScanOptions> scan, TimeProvider time)
{
    public enum Outcome
    {
        /// <summary>The procedure may be acknowledged: ask for the date.</summary>
        Open,
        Recorded,
        Unknown,
        Replayed,
        AnsweredToday,
        Finished,
        BadDate,
        Changed,
    }

    /// <param name="Procedure">The procedure as read; null when it is unknown (or not the person's to see).</param>
    /// <param name="Window">The dates a promise may name; set once the procedure may be acknowledged.</param>
    public sealed record Result(Outcome Outcome, ProcedureEntity? Procedure = null, PromiseWindow? Window = null, DateOnly? Promised = null);

    /// <summary>
    /// Reads the procedure a checked link names and, with <paramref name="answer"/> (the promised date as written, and the note),
    /// records the acknowledgement; without it, says whether one may be made and within which dates.
    /// </summary>
    public async Task<Result> HandleAsync(
        AckToken link,
        string tokenId,
        Person by,
        Func<string, bool> maySeeDepartment,
        ReferenceData reference,
        (string? Promised, string? Note)? answer,
        CancellationToken cancellationToken
    )
    {
        if (await procedures.FindAsync(link.ProjectCode, link.ProcedureCode, cancellationToken) is not { } row || !maySeeDepartment(row.Department))
        {
            // The same answer whether the procedure does not exist or is not the person's to see.
            return new Result(Outcome.Unknown);
        }

        var used = HistoryLog.UsedLinkMarker(row.PartitionKey, row.RowKey, row.Department, tokenId);
        if (row.AckTokenId == tokenId || await history.WasUsedAsync(used, cancellationToken))
        {
            return new Result(Outcome.Replayed, row);
        }

        if (row.CompletedOn is not null)
        {
            return new Result(Outcome.Finished, row);
        }

        var today = OfficeClock.Today(time);
        if (row.AckOn == IsoDate.Format(today))
        {
            return new Result(Outcome.AnsweredToday, row);
        }

        var calendar = reference.Calendars.ForRegion(ProjectCode.Region(row.PartitionKey));
        var measurement = scan.Value.MeasurementOn(today, reference);
        var measure = measurement.Add(row.ToProcedure(), Flags.Parse(row.Flag), row.EscalationCounts);
        var window = PromiseWindow.For(today, measure?.Assessment.StatutoryDueOn, calendar);
        if (answer is not var (promisedText, noteText))
        {
            return new Result(Outcome.Open, row, window);
        }

        if (!IsoDate.TryParse(promisedText, out var promised) || !window.Allows(promised, calendar))
        {
            return new Result(Outcome.BadDate, row, window);
        }

        // The note is cut once, before anything is written: the procedure and its History row keep the same words.
        var note = Acknowledgement.Cut(noteText);
        var (rung, penalty) = PromiseWindow.Hold(measurement.Lines.OfType<ProcedureLine>().FirstOrDefault(l => l.Reform == ReformClock.None), reference.Ladder);
        var acknowledged = row.Acknowledged(new Acknowledgement(by.Email, by.Name, today, promised, rung, note, penalty), tokenId);
        // A used link leaves its marker, inserted atomically: a second use fails here, however the two race.
        if (!await history.MarkUsedAsync(used, cancellationToken))
        {
            return new Result(Outcome.Replayed, row);
        }

        // The audit row first, as everywhere: a crash in between leaves a change described, never one undescribed.
        var audit = new Acknowledged(IsoDate.ParseOptional(row.PromisedOn), promised, by.Email, note)
        {
            Project = row.PartitionKey,
            Item = row.RowKey,
            At = time.GetUtcNow(),
            Source = "board",
            Department = row.Department,
        };
        await history.AppendAsync(audit, cancellationToken);
        if (!await procedures.WriteAcknowledgementAsync(acknowledged, cancellationToken))
        {
            // Nothing was acknowledged: neither the audit row nor the marker may say so.
            await history.WithdrawAsync(audit, cancellationToken);
            await history.WithdrawAsync(used, cancellationToken);
            return new Result(Outcome.Changed, row);
        }

        return new Result(Outcome.Recorded, row, window, promised);
    }
}
