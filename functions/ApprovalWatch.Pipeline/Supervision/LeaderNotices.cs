using ApprovalWatch.Domain.Calendar;
using ApprovalWatch.Domain.Digests;
using ApprovalWatch.Domain.Notices;
using ApprovalWatch.Domain.Reference;
using ApprovalWatch.Domain.Scanning;
using ApprovalWatch.Domain.Staff;
using ApprovalWatch.Pipeline.Notices;
using ApprovalWatch.Pipeline.Scanning;
using ApprovalWatch.Pipeline.Storage;
using Microsoft.Extensions.Options;

namespace ApprovalWatch.Pipeline.Supervision;

/// <summary>
/// A leader in charge or the coordinator supervises one overdue item from its project's page (一键督办): a procedure or a
/// problem, measured as the scan would today, issued at once on a notice of its own under his name (numbered like every
/// other, to the department's head with its own leader in charge in copy); an item already on an unanswered notice is not
/// issued twice.
/// </summary>
public sealed class LeaderNotices(
    ProcedureTable procedures,
    KeyProjectTable keyProjects,
    NoticeBook book,
    NoticePost post,
    IOptions<ScanOptions> scan,
    TimeProvider time
)
{
    public enum Outcome
    {
        Issued,
        NotAllowed,
        Unknown,
        NotOverdue,
        Pending,
        NoNumbering,
    }

    /// <param name="item">A procedure's code, or a problem's <c>problem|{id}</c>.</param>
    public async Task<(Outcome Outcome, SupervisionNotice? Notice)> IssueAsync(
        Person by,
        string projectCode,
        string item,
        ReferenceData reference,
        CancellationToken cancellationToken
    )
    {
        if (!by.Has(Role.Leader) && !by.Has(Role.Coordinator))
        {
            return (Outcome.NotAllowed, null);
        }

        if (reference.Notices is not { } settings)
        {
            return (Outcome.NoNumbering, null);
        }

        var today = OfficeClock.Today(time);
        var rows = await keyProjects.OfProjectAsync(projectCode, cancellationToken);
        var leader = rows.GetValueOrDefault(KeyProjectEntity.RegisterKey)?.LeaderEmail;
        if (await LineAsync(projectCode, item, rows, reference, today, cancellationToken) is not { } line)
        {
            return (Outcome.Unknown, null);
        }

        if (line.OverdueWorkingDays <= 0)
        {
            return (Outcome.NotOverdue, null);
        }

        var identity = $"{line.ProjectCode}|{line.ItemCode}";
        var waiting = (await book.ListAsync(today.Year - 1, cancellationToken))
            .FirstOrDefault(s => s.Notice.Open.Any(i => i.Identity == identity && i.Reply is null));
        if (waiting is not null)
        {
            return (Outcome.Pending, waiting.Notice);
        }

        var own = NoticeDrafts.Item(line, leader, reference, today);
        // Its own key: a leader's notice stands beside the scan's for the same line and rung.
        own = own with { Key = $"{own.Key}|by|{by.Email.ToLowerInvariant()}|{Domain.Text.IsoDate.Format(today)}" };
        if (NoticeDrafts.Draft(NoticeDrafts.DepartmentOf(line), [own], reference, settings, today) is not { } draft)
        {
            return (Outcome.Unknown, null);
        }

        var issued = await book.IssueOneAsync(draft with { IssuedBy = by.Name }, settings, cancellationToken);
        await post.PublishAsync(issued.Notice, reference, cancellationToken);
        return (Outcome.Issued, issued.Notice);
    }

    private async Task<DigestLine?> LineAsync(
        string projectCode,
        string item,
        IReadOnlyDictionary<string, KeyProjectEntity> rows,
        ReferenceData reference,
        DateOnly today,
        CancellationToken cancellationToken
    )
    {
        if (item.StartsWith(ProblemLine.ItemPrefix, StringComparison.Ordinal))
        {
            var id = item[ProblemLine.ItemPrefix.Length..];
            return rows.GetValueOrDefault(KeyProjectEntity.ProblemKey(id))?.ToProblem() is { } problem
                ? ProblemLine.Of(
                    problem,
                    rows.GetValueOrDefault(KeyProjectEntity.RegisterKey)?.Name ?? projectCode,
                    reference.Calendars.ForRegion(Domain.Submissions.ProjectCode.Region(projectCode)),
                    today,
                    scan.Value.WarningWorkingDays
                )
                : null;
        }

        if (await procedures.FindAsync(projectCode, item, cancellationToken) is not { } row)
        {
            return null;
        }

        var measurement = scan.Value.MeasurementOn(today, reference);
        measurement.Add(row.ToProcedure());
        return measurement.TakeLines().OfType<ProcedureLine>().FirstOrDefault(l => l.Reform == Domain.Deadlines.ReformClock.None);
    }
}
