using ApprovalWatch.Domain.Calendar;
using ApprovalWatch.Domain.Reference;
using ApprovalWatch.Domain.Scanning;

namespace ApprovalWatch.Pipeline.Notices;

/// <summary>
/// A notice follows its item: when a problem (or a procedure) passes to another department, its open item on a notice is
/// marked moved there (the notice's trail says when and where) and issued to the new department on a notice of its own,
/// to its head with its own leader in charge in copy. Run twice, the item moved already is left alone.
/// </summary>
public sealed class NoticeTransfers(NoticeBook book, NoticePost post, TimeProvider time)
{
    public async Task<int> MoveAsync(string projectCode, string itemCode, string toDepartment, ReferenceData reference, CancellationToken cancellationToken)
    {
        if (reference.Notices is not { } settings)
        {
            return 0;
        }

        var today = OfficeClock.Today(time);
        var identity = $"{projectCode}|{itemCode}";
        var moved = 0;
        foreach (var stored in await book.ListAsync(today.Year - 1, cancellationToken))
        {
            if (stored.Notice.Department == toDepartment || stored.Notice.Open.FirstOrDefault(i => i.Identity == identity) is not { } item)
            {
                continue;
            }

            if (!await book.SaveAsync(stored, stored.Notice.With(item with { MovedTo = toDepartment, MovedOn = today }), cancellationToken))
            {
                continue; // changed meanwhile: a reply or another move came first, and stands
            }

            var fresh = item with { Reply = null, ReplyBy = null, ClimbedOn = null, SentBack = [], MovedTo = null, MovedOn = null };
            if (NoticeDrafts.Draft(toDepartment, [fresh], reference, settings, today) is { } draft)
            {
                var issued = await book.IssueOneAsync(draft, settings, cancellationToken);
                await post.PublishAsync(issued.Notice, reference, cancellationToken);
                moved++;
            }
        }

        return moved;
    }
}
