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

    /// <summary>The most cells a row may have; a wider row refuses the file (set by the reader from its limits).</summary>
    internal int MaxCells { get; set; } = int.MaxValue;

    public IEnumerable<SourceRow> Rows => Narrow(rows(this));

    private IEnumerable<SourceRow> Narrow(IEnumerable<SourceRow> source)
    {
        foreach (var row in source)
        {
            // A row is refused by its width before anything reads its cells: a header 100,000 cells wide would
            // otherwise be matched cell by cell and named in the receipt.
            var cells = row.Fields.Count;
            while (cells > 0 && string.IsNullOrWhiteSpace(row.Fields[cells - 1]))
            {
                cells--;
            }

            if (cells > MaxCells)
            {
                throw new UnreadableSubmissionException(
                    $"第 {row.Line} 行有 {cells:N0} 个单元格，超过上限 {MaxCells:N0}；line {row.Line} has {cells:N0} cells, more than the limit of {MaxCells:N0}: "
                        + $"remove the columns that are not the template's."
                );
            }

            yield return row;
        }
    }
}
