namespace ApprovalWatch.Submissions;

/// <summary>Why a row of a department file was not applied: where (line, column) and what (reason, value).</summary>
public sealed record RowError(int Line, string Column, string Reason, string Value);

/// <summary>A file that cannot be read as a submission at all (no header, a required column missing).</summary>
public sealed class UnreadableSubmissionException(string reason) : Exception(reason);

/// <summary>A valid row of a department file and the line it came from.</summary>
public sealed record SubmittedRow(int Line, Deadlines.Procedure Procedure);
