namespace ApprovalWatch.Domain.Submissions;

/// <summary>A valid row of a department file and the line it came from.</summary>
public sealed record SubmittedRow(int Line, Deadlines.Procedure Procedure)
{
    /// <summary>Why the row corrects what is stored (the 更正说明 column); none for an ordinary report.</summary>
    public string? Correction { get; init; }
}
