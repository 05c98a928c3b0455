using ApprovalWatch.Domain.Calendar;
using ApprovalWatch.Domain.Digests;
using ApprovalWatch.Domain.Projects;
using ApprovalWatch.Domain.Text;
using ApprovalWatch.Pipeline.Links;
using ApprovalWatch.Pipeline.Storage;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace ApprovalWatch.Board;

/// <summary>
/// <c>GET /problem/{token}</c>: a problem assigned to the viewer's department, to sign for (签收) or send back (退单)
/// with a reason; <c>POST</c> records it on the problem (ETag-conditional) after its History row. The link is checked
/// as an acknowledgement link is; a closed problem, or one already signed for or sent back, changes nothing and says so.
/// <c>POST /problems/reassign</c>: the coordinator gives a problem sent back to a department, to be signed for anew.
/// </summary>
public sealed class ProblemPage(StorageAccount storage, HistoryLog log, IOptions<BoardOptions> options, TimeProvider time)
{
    public const int MaxReason = 500;

    public enum Outcome
    {
        Form,
        Signed,
        Returned,
        Refused,
        Unknown,
        Closed,
        Handled,
        NoReason,
        Changed,
    }

    public sealed record Result(Outcome Outcome, string Message, ProjectProblem? Problem = null, int Status = 200);

    public async Task<Result> HandleAsync(
        string token,
        Viewer viewer,
        Domain.Reference.ReferenceData reference,
        IReadOnlyDictionary<string, string>? form,
        Page page,
        CancellationToken cancellationToken
    )
    {
        var words = page.Words;
        var (parsed, refusal) = SignedLink.Check(token, viewer, options.Value, time.GetUtcNow(), reference);
        if (refusal is not null || parsed is null)
        {
            return new Result(Outcome.Refused, words[refusal!.WordsKey], Status: refusal.Status);
        }

        if (!parsed.ProcedureCode.StartsWith(ProblemLine.ItemPrefix, StringComparison.Ordinal)
            || await ReadAsync(parsed.ProjectCode, parsed.ProcedureCode[ProblemLine.ItemPrefix.Length..], cancellationToken) is not { } row
            || row.ToProblem() is not { } problem || !viewer.MaySee(problem.Department))
        {
            return new Result(Outcome.Unknown, words["problem_unknown"], Status: 404);
        }

        if (problem.SolvedOn is not null)
        {
            return new Result(Outcome.Closed, words["problem_closed"], problem, 409);
        }

        if (!problem.AwaitsSignature)
        {
            return new Result(Outcome.Handled, problem.ReturnedOn is { } back
                ? words.Format("problem_already_returned", problem.ReturnedBy, IsoDate.Format(back))
                : words.Format("problem_already_signed", problem.SignedBy, IsoDate.Format(problem.SignedOn)), problem, 409);
        }

        if (form is null)
        {
            return new Result(Outcome.Form, "", problem);
        }

        var today = OfficeClock.Today(time);
        var reason = (form.GetValueOrDefault("reason") ?? "").Trim();
        reason = reason[..Math.Min(reason.Length, MaxReason)];
        var (next, kind) = form.GetValueOrDefault("action") switch
        {
            "sign" => (problem.SignedFor(viewer.Person.Name, today), "sign"),
            "return" when reason.Length > 0 => (problem.SentBack(viewer.Person.Name, today, reason), "return"),
            _ => (null, ""),
        };
        if (next is null)
        {
            return new Result(Outcome.NoReason, words["problem_no_reason"], problem, 400);
        }

        var audit = ChangeFields.Write(("by", viewer.Person.Email), (ChangeFields.Note, reason));
        return await WriteAsync(row, next, kind, null, audit, cancellationToken)
            ? new Result(kind == "sign" ? Outcome.Signed : Outcome.Returned, words[kind == "sign" ? "problem_signed" : "problem_returned"], next)
            : new Result(Outcome.Changed, words["ack_changed"], problem, 409);
    }

    /// <summary>The coordinator gives a problem sent back to a department; false when it is not one sent back (or it changed meanwhile).</summary>
    public async Task<bool> ReassignAsync(Viewer viewer, string projectCode, string id, string department, CancellationToken cancellationToken)
    {
        if (!viewer.Person.Has(Domain.Staff.Role.Coordinator) || Domain.Catalogue.Department.Find(department) is null
            || await ReadAsync(projectCode, id, cancellationToken) is not { } row || row.ToProblem() is not { IsReturned: true } problem)
        {
            return false;
        }

        var next = problem.AssignedTo(department, OfficeClock.Today(time));
        return await WriteAsync(
            row,
            next,
            "reassign",
            ChangeFields.Write(("unit", problem.Department)),
            ChangeFields.Write(("unit", department), ("by", viewer.Person.Email)),
            cancellationToken
        );
    }

    private async Task<KeyProjectEntity?> ReadAsync(string projectCode, string id, CancellationToken cancellationToken)
    {
        var found = await storage.KeyProjects.GetEntityIfExistsAsync<KeyProjectEntity>(
            projectCode,
            KeyProjectEntity.ProblemKey(id),
            cancellationToken: cancellationToken
        );
        return found.HasValue ? found.Value : null;
    }

    // The audit row first, as everywhere: a crash in between leaves a change described, never one undescribed.
    private async Task<bool> WriteAsync(KeyProjectEntity row, ProjectProblem next, string kind, string? from, string to, CancellationToken cancellationToken)
    {
        var history = HistoryEntity.Change(row.PartitionKey, row.RowKey, kind, from, to, time.GetUtcNow(), "board", next.Department);
        await log.AppendAsync(history, cancellationToken);
        var update = KeyProjectEntity.From(next, row.Source);
        update.ETag = row.ETag;
        try
        {
            await storage.KeyProjects.UpdateEntityAsync(update, row.ETag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            await log.WithdrawAsync(history, cancellationToken);
            return false;
        }
    }

    public static string Render(Result result, string token, bool returning, Page page, Viewer viewer) =>
        page.Render("problem", page.Words["problem_title"], viewer, result, new Dictionary<string, object?>
        {
            ["form"] = result.Outcome is Outcome.Form or Outcome.NoReason,
            ["returning"] = returning || result.Outcome == Outcome.NoReason,
            ["token"] = token,
            ["max_reason"] = MaxReason,
        });
}
