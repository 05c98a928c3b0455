namespace ApprovalWatch.Domain.Digests;

/// <summary>A digest line on its way to one recipient (lower-case email), for one reason.</summary>
public sealed record RoutedLine(string To, DigestReason Reason, DigestLine Line)
{
    /// <summary>Whom the recipient stands in for (代), when the line was his and he is away.</summary>
    public string? OnBehalfOf { get; init; }
}
