using ApprovalWatch.Domain.Acknowledgements;
using ApprovalWatch.Domain.Calendar;
using ApprovalWatch.Domain.Digests;
using ApprovalWatch.Domain.Reference;
using ApprovalWatch.Domain.Text;
using ApprovalWatch.Pipeline.Links;
using ApprovalWatch.Pipeline.Scanning;
using ApprovalWatch.Pipeline.Storage;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace ApprovalWatch.Board;

/// <summary>
/// <c>GET /ack/{token}</c> shows the line and asks for a promised date (a working day, within the statutory limit)
/// and a note; <c>POST</c> records it on the procedure (ETag-conditional) with a History row. A tampered, expired,
/// replayed or foreign token, or a finished procedure, changes nothing and says so.
/// </summary>
public sealed class AckPage(StorageAccount storage, HistoryLog history, IOptions<BoardOptions> options, IOptions<ScanOptions> scan, TimeProvider time)
{
    public enum Outcome
    {
        Form,
        Recorded,
        Tampered,
        Expired,
        Foreign,
        Replayed,
        Finished,
        Unknown,
        BadDate,
    }

    public sealed record Result(
        Outcome Outcome,
        string Message,
        ProcedureEntity? Procedure = null,
        DateOnly? Latest = null,
        int Status = 200,
        DateOnly? Earliest = null
    );

    public async Task<Result> HandleAsync(
        string token,
        Viewer viewer,
        ReferenceData reference,
        IReadOnlyDictionary<string, string>? form,
        Page page,
        CancellationToken cancellationToken
    )
    {
        var words = page.Words;
        var (parsed, refusal) = SignedLink.Check(token, viewer, options.Value, time.GetUtcNow(), reference);
        if (refusal is not null || parsed is null)
        {
            var outcome = refusal?.Kind switch
            {
                SignedLink.Refused.Disabled => Outcome.Unknown,
                SignedLink.Refused.Expired => Outcome.Expired,
                SignedLink.Refused.Foreign => Outcome.Foreign,
                _ => Outcome.Tampered,
            };
            return new Result(outcome, words[refusal!.WordsKey], Status: refusal.Status);
        }

        var found = await storage.Procedures.GetEntityIfExistsAsync<ProcedureEntity>(
            parsed.ProjectCode,
            parsed.ProcedureCode,
            cancellationToken: cancellationToken
        );
        if (!found.HasValue || found.Value is not { } row || !viewer.MaySee(row.Department))
        {
            // The same answer whether the procedure does not exist or is not the viewer's to see.
            return new Result(Outcome.Unknown, words["ack_unknown"], Status: 404);
        }

        var id = AckToken.IdOf(token);
        var used = UsedMarker(row, id);
        if (row.AckTokenId == id || await history.WasUsedAsync(used, cancellationToken))
        {
            return new Result(Outcome.Replayed, words.Format("ack_replayed", row.PromisedOn), row, Status: 409);
        }

        if (row.CompletedOn is not null)
        {
            return new Result(Outcome.Finished, words["ack_finished"], row, Status: 409);
        }

        if (row.AckOn == IsoDate.Format(OfficeClock.Today(time)))
        {
            return new Result(Outcome.Replayed, words.Format("ack_once_a_day", row.PromisedOn), row, Status: 409);
        }

        var today = OfficeClock.Today(time);
        var calendar = reference.Calendars.ForRegion(Domain.Submissions.ProjectCode.Region(row.PartitionKey));
        var measurement = scan.Value.MeasurementOn(today, reference);
        var measure = measurement.Add(row.ToProcedure(), Domain.Deadlines.Flags.Parse(row.Flag), row.EscalationCounts);
        var window = PromiseWindow.For(today, measure?.Assessment.StatutoryDueOn, calendar);
        if (form is null)
        {
            return new Result(Outcome.Form, "", row, window.Latest, Earliest: window.Earliest);
        }

        if (!IsoDate.TryParse(form.GetValueOrDefault("promised"), out var promised) || !window.Allows(promised, calendar))
        {
            return new Result(
                Outcome.BadDate,
                words.Format("ack_bad_date", IsoDate.Format(window.Earliest), IsoDate.Format(window.Latest)),
                row,
                window.Latest,
                400,
                window.Earliest
            );
        }

        // The note is cut once, before anything is written: the procedure and its History row keep the same words.
        var note = (form.GetValueOrDefault("note") ?? "").Trim();
        note = note[..Math.Min(note.Length, ProcedureAckFields.MaxNote)];
        var (rung, penalty) = PromiseWindow.Hold(measurement.Lines.OfType<Domain.Digests.ProcedureLine>().FirstOrDefault(), reference.Ladder);
        var update = ProcedureAckFields.For(row, new Acknowledgement(viewer.Person.Email, viewer.Person.Name, today, promised, rung, note, penalty), id);
        // A used link leaves its marker, inserted atomically: a second use fails here, however the two race.
        if (!await history.MarkUsedAsync(used, cancellationToken))
        {
            return new Result(Outcome.Replayed, words.Format("ack_replayed", row.PromisedOn), row, Status: 409);
        }

        // The audit row first, as everywhere: a crash in between leaves a change described, never one undescribed.
        var audit = HistoryEntity.Change(
            row.PartitionKey,
            row.RowKey,
            "ack",
            row.PromisedOn,
            ChangeFields.Write(("promised", IsoDate.Format(promised)), ("by", viewer.Person.Email), (ChangeFields.Note, note)),
            time.GetUtcNow(),
            "board",
            row.Department
        );
        await history.AppendAsync(audit, cancellationToken);
        try
        {
            await storage.Procedures.UpdateEntityAsync(update, update.ETag, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            // Nothing was acknowledged: neither the audit row nor the marker may say so.
            await history.WithdrawAsync(audit, cancellationToken);
            await history.WithdrawAsync(used, cancellationToken);
            return new Result(Outcome.Unknown, words["ack_changed"], row, Status: 409);
        }

        return new Result(Outcome.Recorded, words.Format("ack_recorded", IsoDate.Format(promised)), row);
    }

    /// <summary>The row a used acknowledgement link leaves in its project's History partition (after every audit row's key).</summary>
    private static HistoryEntity UsedMarker(ProcedureEntity row, string tokenId) => new()
    {
        PartitionKey = row.PartitionKey,
        RowKey = $"{HistoryEntity.UsedLinkPrefix}{tokenId}",
        Procedure = row.RowKey,
        Kind = "ack-link",
        To = tokenId,
        Department = row.Department,
    };

    public static string Render(Result result, string token, Page page, Viewer viewer) =>
        page.Render("ack", page.Words["ack_title"], viewer, result, new Dictionary<string, object?>
        {
            ["form"] = result.Outcome is Outcome.Form or Outcome.BadDate,
            ["bad_date"] = result.Outcome == Outcome.BadDate,
            ["token"] = token,
            ["max_note"] = ProcedureAckFields.MaxNote,
            ["latest_hint"] = page.Words.Format("ack_latest", IsoDate.Format(result.Latest)),
        });
}
