using ApprovalWatch.Domain.Calendar;
using ApprovalWatch.Domain.Digests;
using ApprovalWatch.Domain.Projects;
using ApprovalWatch.Domain.Text;
using ApprovalWatch.Pipeline.KeyProjects;
using ApprovalWatch.Pipeline.Links;
using ApprovalWatch.Presentation;
using Microsoft.Extensions.Options;

namespace ApprovalWatch.Board;

/// <summary>
/// <c>GET /problem/{token}</c>: a problem assigned to the viewer's department, to sign for (签收) or send back (退单)
/// with a reason; <c>POST</c> has <see cref="ProblemHandover"/> record it, and the page says what it did. The link is
/// checked as an acknowledgement link is; a closed problem, or one already signed for or sent back, changes nothing and
/// says so.
/// </summary>
public sealed class ProblemPage(ProblemHandover handover, Pipeline.Storage.KeyProjectTable keyProjects, IOptions<BoardOptions> options, TimeProvider time)
{
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
        NotHis,
    }

    public sealed record Result(Outcome Outcome, string Message, ProjectProblem? Problem = null, int Status = 200)
    {
        /// <summary>The problem's project by name (from the register), its code beside it.</summary>
        public string? ProjectName { get; init; }
    }

    public async Task<Result> HandleAsync(
        string token,
        Viewer viewer,
        Domain.Reference.ReferenceData reference,
        IReadOnlyDictionary<string, string>? form,
        Page page,
        CancellationToken cancellationToken
    )
    {
        var result = await DecideAsync(token, viewer, reference, form, page, cancellationToken);
        return result.Problem is { } problem
            && (await keyProjects.OfProjectAsync(problem.ProjectCode, cancellationToken)).GetValueOrDefault(Pipeline.Storage.KeyProjectEntity.RegisterKey)
                is { Name: { Length: > 0 } name }
            ? result with { ProjectName = name }
            : result;
    }

    private async Task<Result> DecideAsync(
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

        if (
            !parsed.ProcedureCode.StartsWith(ProblemLine.ItemPrefix, StringComparison.Ordinal)
            || await handover.FindAsync(parsed.ProjectCode, parsed.ProcedureCode[ProblemLine.ItemPrefix.Length..], cancellationToken) is not { } stored
            || !viewer.MaySee(stored.Problem.Department)
        )
        {
            return new Result(Outcome.Unknown, words["problem_unknown"], Status: 404);
        }

        var problem = stored.Problem;
        if (ProblemHandover.Blocked(problem) is { } blocked)
        {
            return Said(blocked, problem, words);
        }

        var today = OfficeClock.Today(time);
        if (!Domain.Staff.DepartmentAuthority.ActsFor(viewer.Person.Email, problem.Department, reference.Staff, reference.Leave, today))
        {
            // Seen, not decided: the handler or leader reads it and is told who may act.
            return NotHis(problem, reference, today, words, form is null ? 200 : 403);
        }

        if (form is null)
        {
            return new Result(Outcome.Form, "", problem);
        }

        ProblemHandover.Decision? decision = form.GetValueOrDefault("action") switch
        {
            "sign" => ProblemHandover.Decision.Sign,
            "return" => ProblemHandover.Decision.SendBack,
            _ => null,
        };
        if (decision is not { } chosen)
        {
            return Said(ProblemHandover.Outcome.NoReason, problem, words);
        }

        var (outcome, after) = await handover.DecideAsync(stored, viewer.Person, chosen, form.GetValueOrDefault("reason") ?? "", reference, cancellationToken);
        return outcome == ProblemHandover.Outcome.NotHis ? NotHis(problem, reference, today, words, 403) : Said(outcome, after, words);
    }

    private static Result NotHis(ProjectProblem problem, Domain.Reference.ReferenceData reference, DateOnly today, Words words, int status) =>
        new(
            Outcome.NotHis,
            words.Format("problem_not_yours", Domain.Staff.DepartmentAuthority.WhoActs(problem.Department, reference.Staff, reference.Leave, today)),
            problem,
            status
        );

    /// <summary>What the page says of what the handover did (or why it did nothing).</summary>
    private static Result Said(ProblemHandover.Outcome outcome, ProjectProblem problem, Words words) =>
        outcome switch
        {
            ProblemHandover.Outcome.Signed => new Result(Outcome.Signed, words["problem_signed"], problem),
            ProblemHandover.Outcome.Returned => new Result(Outcome.Returned, words["problem_returned"], problem),
            ProblemHandover.Outcome.Closed => new Result(Outcome.Closed, words["problem_closed"], problem, 409),
            ProblemHandover.Outcome.Handled => new Result(
                Outcome.Handled,
                problem.ReturnedOn is { } back
                    ? words.Format("problem_already_returned", problem.ReturnedBy, IsoDate.Format(back))
                    : words.Format("problem_already_signed", problem.SignedBy, IsoDate.Format(problem.SignedOn)),
                problem,
                409
            ),
            ProblemHandover.Outcome.NoReason => new Result(Outcome.NoReason, words["problem_no_reason"], problem, 400),
            _ => new Result(Outcome.Changed, words["ack_changed"], problem, 409),
        };

    public static string Render(Result result, string token, bool returning, Page page, Viewer viewer) =>
        page.Render("problem", page.Words["problem_title"], viewer, result, new Dictionary<string, object?>
        {
            ["form"] = result.Outcome is Outcome.Form or Outcome.NoReason,
            ["returning"] = returning || result.Outcome == Outcome.NoReason,
            ["token"] = token,
            ["max_reason"] = ProblemHandover.MaxReason,
        });
}
