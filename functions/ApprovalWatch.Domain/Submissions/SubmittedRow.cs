namespace ApprovalWatch.Domain.Submissions;

/// <summary>A valid row of a department file and the line it came from.</summary>
public sealed record SubmittedRow(int Line, Deadlines.Procedure Procedure);
