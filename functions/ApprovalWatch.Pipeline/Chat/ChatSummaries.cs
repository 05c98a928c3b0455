using ApprovalWatch.Domain.Chat;
using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Domain.Reference;
using ApprovalWatch.Domain.Staff;
using ApprovalWatch.Domain.Text;
using ApprovalWatch.Pipeline.Notices;
using ApprovalWatch.Pipeline.Storage;
using Azure.Data.Tables;

namespace ApprovalWatch.Pipeline.Chat;

/// <summary>A department's summary as stored when it is posted: its red and yellow procedures, its overdue problems, its notices awaiting a reply.</summary>
public sealed class ChatSummaries(ProcedureTable procedures, KeyProjectTable keyProjects, NoticeBook notices)
{
    public async Task<ChatSummary> BuildAsync(string department, DateOnly date, ReferenceData reference, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"Department eq {department} and (Flag eq {"red"} or Flag eq {"yellow"})");
        var flagged = new List<(Flag Flag, UrgentItem Item)>();
        await foreach (var row in procedures.QueryAsync(filter, cancellationToken: cancellationToken))
        {
            if (Flags.Parse(row.Flag) is { } flag && IsoDate.ParseOptional(row.DueOn) is { } due)
            {
                var calendar = reference.Calendars.ForRegion(Domain.Submissions.ProjectCode.Region(row.PartitionKey));
                var item = reference.Catalogue.Find(row.RowKey)?.ChineseName ?? row.RowKey;
                flagged.Add(
                    (
                        flag,
                        new UrgentItem(
                            row.ProjectName,
                            item,
                            reference.Staff.Find(row.HandlerEmail) is null ? "" : StandIns.NameOn(row.HandlerEmail, reference.Staff, reference.Leave, date),
                            Assessment.Left(calendar, date, due)
                        )
                    )
                );
            }
        }

        var overdueProblems = 0;
        await foreach (var problem in keyProjects.ProblemsAsync(cancellationToken))
        {
            overdueProblems += problem is { SolvedOn: null } p && p.Department == department && p.DueOn < date ? 1 : 0;
        }

        var awaiting = (await notices.ListAsync(date.Year - 1, cancellationToken)).Count(n =>
            n.Notice.Department == department && n.Notice.Open.Any(i => i.Reply is null)
        );
        var urgent = flagged
            .Select(f => f.Item)
            .OrderBy(i => i.WorkingDaysLeft)
            .ThenBy(i => i.ProjectName, StringComparer.Ordinal)
            .Take(ChatSummary.UrgentShown)
            .ToList();
        return new ChatSummary(
            department,
            date,
            flagged.Count(f => f.Flag == Flag.Red),
            flagged.Count(f => f.Flag == Flag.Yellow),
            overdueProblems,
            awaiting,
            urgent
        );
    }
}
