using ApprovalWatch.Domain.Calendar;
using ApprovalWatch.Domain.Notices;
using ApprovalWatch.Domain.Staff;
using ApprovalWatch.Domain.Text;

namespace ApprovalWatch.Pipeline.Notices;

/// <summary>
/// A head's reply to a supervision notice: a reason, measures and a promised day not before today, each text cut to
/// <see cref="MaxText"/>; recorded once, conditional on the notice as it was read.
/// </summary>
public sealed class NoticeReplies(NoticeBook book, TimeProvider time)
{
    public const int MaxText = 500;

    public enum Outcome
    {
        Replied,
        AlreadyReplied,
        Incomplete,
        Changed,
    }

    public async Task<(Outcome Outcome, SupervisionNotice Notice)> ReplyAsync(
        StoredNotice stored,
        Person by,
        string reason,
        string measures,
        string promisedOn,
        CancellationToken cancellationToken
    )
    {
        var notice = stored.Notice;
        if (notice.Reply is not null)
        {
            return (Outcome.AlreadyReplied, notice);
        }

        var today = OfficeClock.Today(time);
        (reason, measures) = (Cut(reason), Cut(measures));
        if (reason.Length == 0 || measures.Length == 0 || !IsoDate.TryParse(Cut(promisedOn), out var promised) || promised < today)
        {
            return (Outcome.Incomplete, notice);
        }

        var next = notice with { Reply = new NoticeReply(by.Email.ToLowerInvariant(), by.Name, today, reason, measures, promised) };
        return await book.SaveAsync(stored, next, cancellationToken) ? (Outcome.Replied, next) : (Outcome.Changed, notice);
    }

    private static string Cut(string text) => text.Trim() is var trimmed && trimmed.Length > MaxText ? trimmed[..MaxText] : trimmed;
}
