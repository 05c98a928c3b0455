using ApprovalWatch.Domain.Text;

namespace ApprovalWatch.Domain.Submissions.Files;

/// <summary>
/// A submitted file opened for reading: what it was read as, its rows one at a time, and what a clerk must
/// be told of the reading (sheets passed over). <see cref="Format"/> and <see cref="Notes"/> are complete once
/// <see cref="Rows"/> has been read through.
/// </summary>
public sealed class OpenedSubmission(Reason format, Func<OpenedSubmission, IEnumerable<SourceRow>> rows)
{
    public Reason Format { get; internal set; } = format;

    public List<Reason> Notes { get; } = [];

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
                throw new UnreadableSubmissionException(Reason.Of("file.row_too_wide", row.Line, cells, MaxCells));
            }

            yield return row;
        }
    }
}
