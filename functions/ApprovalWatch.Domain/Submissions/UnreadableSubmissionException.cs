using ApprovalWatch.Domain.Text;

namespace ApprovalWatch.Domain.Submissions;

/// <summary>A file that cannot be read as a submission at all (no header, a required column missing).</summary>
public sealed class UnreadableSubmissionException(Reason reason) : Exception(reason.ToString())
{
    public Reason Reason { get; } = reason;
}
