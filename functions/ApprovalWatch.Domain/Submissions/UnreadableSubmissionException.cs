namespace ApprovalWatch.Domain.Submissions;

/// <summary>A file that cannot be read as a submission at all (no header, a required column missing).</summary>
public sealed class UnreadableSubmissionException(string reason) : Exception(reason);
