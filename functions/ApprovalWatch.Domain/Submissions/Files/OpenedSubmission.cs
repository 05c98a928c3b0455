using ApprovalWatch.Text;

namespace ApprovalWatch.Submissions.Files;

/// <summary>A submitted file opened for reading: what it was read as, and its rows, one at a time.</summary>
public sealed record OpenedSubmission(string Format, IEnumerable<SourceRow> Rows);
