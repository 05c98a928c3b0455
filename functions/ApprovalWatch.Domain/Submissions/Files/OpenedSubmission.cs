using ApprovalWatch.Domain.Text;

namespace ApprovalWatch.Domain.Submissions.Files;

/// <summary>
/// A submitted file opened for reading: what it was read as, its rows one at a time, and what a clerk must
/// be told of the reading (sheets passed over). <see cref="Format"/> and <see cref="Notes"/> are complete once
/// <see cref="Rows"/> has been read through.
/// </summary>
public sealed class OpenedSubmission(string format, Func<OpenedSubmission, IEnumerable<SourceRow>> rows)
{
    public string Format { get; internal set; } = format;

    public List<string> Notes { get; } = [];

    public IEnumerable<SourceRow> Rows => rows(this);
}
