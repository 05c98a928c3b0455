using ApprovalWatch.Domain.Acknowledgements;
using ApprovalWatch.Domain.Reference;
using ApprovalWatch.Domain.Text;
using ApprovalWatch.Pipeline.Acknowledgements;
using ApprovalWatch.Pipeline.Links;
using ApprovalWatch.Pipeline.Storage;
using Microsoft.Extensions.Options;

namespace ApprovalWatch.Board;

/// <summary>
/// <c>GET /ack/{token}</c> shows the line and asks for a promised date (a working day, within the statutory limit)
/// and a note; <c>POST</c> records it on the procedure (ETag-conditional) with a History row. A tampered, expired,
/// replayed or foreign token, or a finished procedure, changes nothing and says so.
/// </summary>
public sealed class AckPage(Acknowledging acknowledging, IOptions<BoardOptions> options, TimeProvider time)
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
    )
    {
        /// <summary>The window's working days reach into a year whose holiday notice is not loaded (暂定).</summary>
        public bool Provisional { get; init; }
    }

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

        var answer = form is null ? ((string?, string?)?)null : (form.GetValueOrDefault("promised"), form.GetValueOrDefault("note"));
        var result = await acknowledging.HandleAsync(parsed, AckToken.IdOf(token), viewer.Person, viewer.MaySee, reference, answer, cancellationToken);
        var (row, window) = (result.Procedure, result.Window);
        return result.Outcome switch
        {
            Acknowledging.Outcome.Open => new Result(Outcome.Form, "", row, window!.Latest, Earliest: window.Earliest) { Provisional = window.Provisional },
            Acknowledging.Outcome.Recorded => new Result(Outcome.Recorded, words.Format("ack_recorded", IsoDate.Format(result.Promised)), row),
            Acknowledging.Outcome.BadDate => new Result(
                Outcome.BadDate,
                words.Format("ack_bad_date", IsoDate.Format(window!.Earliest), IsoDate.Format(window.Latest)),
                row,
                window.Latest,
                400,
                window.Earliest
            )
            {
                Provisional = window.Provisional,
            },
            Acknowledging.Outcome.Replayed => new Result(Outcome.Replayed, words.Format("ack_replayed", row!.PromisedOn), row, Status: 409),
            Acknowledging.Outcome.AnsweredToday => new Result(Outcome.Replayed, words.Format("ack_once_a_day", row!.PromisedOn), row, Status: 409),
            Acknowledging.Outcome.Finished => new Result(Outcome.Finished, words["ack_finished"], row, Status: 409),
            Acknowledging.Outcome.Changed => new Result(Outcome.Unknown, words["ack_changed"], row, Status: 409),
            _ => new Result(Outcome.Unknown, words["ack_unknown"], Status: 404),
        };
    }

    public static string Render(Result result, string token, Page page, Viewer viewer, Domain.Reference.ReferenceData reference) =>
        page.Render("ack", page.Words["ack_title"], viewer, result, new Dictionary<string, object?>
        {
            // The procedure by its name, its code beside it.
            ["procedure_name"] = result.Procedure is { } p && reference.Catalogue.Find(p.RowKey) is { } entry
                ? (page.Chinese ? entry.ChineseName : entry.EnglishName)
                : null,
            ["form"] = result.Outcome is Outcome.Form or Outcome.BadDate,
            ["bad_date"] = result.Outcome == Outcome.BadDate,
            ["token"] = token,
            ["max_note"] = Acknowledgement.MaxNote,
            ["latest_hint"] = page.Words.Format("ack_latest", IsoDate.Format(result.Latest))
                + (result.Provisional ? page.Words.Format("ack_latest_provisional", page.Words["provisional_title"]) : ""),
        });
}
