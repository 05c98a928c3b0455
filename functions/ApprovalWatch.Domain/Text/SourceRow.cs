namespace ApprovalWatch.Domain.Text;

/// <summary>
/// One row of a source file as text fields, with the line a person sees: the physical line a CSV record
/// starts on, the Excel row number (with its <paramref name="Sheet"/>), or the position of a JSON object
/// (all 1-based).
/// </summary>
public readonly record struct SourceRow(int Line, IReadOnlyList<string> Fields, string? Sheet = null);
