namespace ApprovalWatch.Domain.Digests;

/// <summary>The lines of a digest that reach its recipient for one reason: the most urgent, and how many more were left out.</summary>
public sealed record DigestSection(DigestReason Reason, IReadOnlyList<DigestLine> Lines)
{
    /// <summary>Overdue lines of this section not listed (the section holds the most urgent only).</summary>
    public int MoreRed { get; init; }

    /// <summary>Due-soon lines of this section not listed.</summary>
    public int MoreYellow { get; init; }
}
