using ApprovalWatch.Domain.Audit;
using ApprovalWatch.Domain.Calendar;
using ApprovalWatch.Domain.Catalogue;
using ApprovalWatch.Domain.Projects;
using ApprovalWatch.Domain.Staff;
using ApprovalWatch.Pipeline.Storage;
using Azure;

namespace ApprovalWatch.Pipeline.KeyProjects;

/// <summary>
/// A problem's handover between departments: signed for or sent back with a reason by the department it was
/// given to, and a problem sent back given to another department by the coordinator. Each change is conditional on the
/// problem as it was read, its History row written first and taken back when the change lost to another.
/// </summary>
public sealed class ProblemHandover(KeyProjectTable keyProjects, HistoryLog log, Notices.NoticeTransfers transfers, TimeProvider time)
{
    public const int MaxReason = 500;

    public enum Decision
    {
        Sign,
        SendBack,
    }

    public enum Outcome
    {
        Signed,
        Returned,
        Closed,
        Handled,
        NoReason,
        Changed,
        NotHis,
    }

    /// <summary>A problem as stored, with the version its change is conditional on.</summary>
    public sealed record Stored(ProjectProblem Problem, string Source, ETag ETag);

    /// <summary>Why nothing may be decided on a problem any more: closed, or signed for or sent back already; null when it waits.</summary>
    public static Outcome? Blocked(ProjectProblem problem) =>
        problem.SolvedOn is not null ? Outcome.Closed
        : !problem.AwaitsSignature ? Outcome.Handled
        : null;

    public async Task<Stored?> FindAsync(string projectCode, string id, CancellationToken cancellationToken)
    {
        return await keyProjects.FindProblemAsync(projectCode, id, cancellationToken) is var (row, etag) ? new Stored(row.ToProblem(), row.Source, etag) : null;
    }

    /// <summary>
    /// Signs for a problem, or sends it back with a reason (cut to <see cref="MaxReason"/>), as <paramref name="by"/>: only
    /// the department's head or whoever stands in for him today (<see cref="DepartmentAuthority"/>).
    /// </summary>
    public async Task<(Outcome Outcome, ProjectProblem Problem)> DecideAsync(
        Stored stored,
        Person by,
        Decision decision,
        string reason,
        Domain.Reference.ReferenceData reference,
        CancellationToken cancellationToken
    )
    {
        var problem = stored.Problem;
        if (Blocked(problem) is { } blocked)
        {
            return (blocked, problem);
        }

        if (!DepartmentAuthority.ActsFor(by.Email, problem.Department, reference.Staff, reference.Leave, OfficeClock.Today(time)))
        {
            return (Outcome.NotHis, problem);
        }

        reason = reason.Trim() is var text && text.Length > MaxReason ? text[..MaxReason] : text;
        if (decision == Decision.SendBack && reason.Length == 0)
        {
            return (Outcome.NoReason, problem);
        }

        var today = OfficeClock.Today(time);
        var (next, audit) = decision == Decision.Sign
            ? (problem.SignedFor(by.Name, today), (AuditEvent)new ProblemSigned(by.Email))
            : (problem.SentBack(by.Name, today, reason), new ProblemReturned(by.Email, reason));
        return await WriteAsync(stored, next, audit, cancellationToken)
            ? (decision == Decision.Sign ? Outcome.Signed : Outcome.Returned, next)
            : (Outcome.Changed, problem);
    }

    /// <summary>
    /// The coordinator gives a problem sent back to a department, and its open notice follows it there; false when it is not
    /// one sent back (or it changed meanwhile).
    /// </summary>
    public async Task<bool> ReassignAsync(
        Person coordinator,
        string projectCode,
        string id,
        string department,
        Domain.Reference.ReferenceData reference,
        CancellationToken cancellationToken
    )
    {
        if (
            !coordinator.Has(Role.Coordinator)
            || Department.Find(department) is null
            || await FindAsync(projectCode, id, cancellationToken) is not { Problem.IsReturned: true } stored
        )
        {
            return false;
        }

        var next = stored.Problem.AssignedTo(department, OfficeClock.Today(time));
        if (!await WriteAsync(stored, next, new ProblemReassigned(stored.Problem.Department, department, coordinator.Email), cancellationToken))
        {
            return false;
        }

        await transfers.MoveAsync(projectCode, Domain.Digests.ProblemLine.ItemPrefix + id, department, reference, cancellationToken);
        return true;
    }

    // The audit row first, as everywhere: a crash in between leaves a change described, never one undescribed.
    private async Task<bool> WriteAsync(Stored stored, ProjectProblem next, AuditEvent change, CancellationToken cancellationToken)
    {
        var update = KeyProjectEntity.From(next, stored.Source);
        var history = change with
        {
            Project = update.PartitionKey,
            Item = update.RowKey,
            At = time.GetUtcNow(),
            Source = "board",
            Department = next.Department,
        };
        await log.AppendAsync(history, cancellationToken);
        if (await keyProjects.ReplaceAsync(update, stored.ETag, cancellationToken))
        {
            return true;
        }

        await log.WithdrawAsync(history, cancellationToken);
        return false;
    }
}
