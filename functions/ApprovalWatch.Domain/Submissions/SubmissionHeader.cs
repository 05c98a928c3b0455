using ApprovalWatch.Domain.Text;

namespace ApprovalWatch.Domain.Submissions;

/// <summary>Finds the header row of a department file by its column names, below any title rows.</summary>
public static class SubmissionHeader
{
    /// <summary>A row naming at least this many known columns is the header.</summary>
    private const int MinimumColumns = 3;

    public static bool LooksLikeHeader(SourceRow record) => Columns(record).Count >= MinimumColumns;

    /// <summary>The column positions if this row is the header; null for a title row above it.</summary>
    /// <param name="unrecognised">Header cells that name no known column, which are not read (a receipt says so).</param>
    /// <exception cref="UnreadableSubmissionException">The header lacks a required column.</exception>
    public static Dictionary<SubmissionColumn, int>? Find(SourceRow record, out IReadOnlyList<string> unrecognised)
    {
        var columns = Columns(record);
        unrecognised = [];
        if (columns.Count < MinimumColumns)
        {
            return null;
        }

        var missing = SubmissionColumn.All.Where(c => c.Required && !columns.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            var labels = string.Join(", ", missing.Select(c => c.Label));
            throw new UnreadableSubmissionException(
                record.Sheet is null
                    ? Reason.Of("file.header_lacks", record.Line, labels)
                    : Reason.Of("file.header_lacks_on_sheet", record.Line, labels, record.Sheet)
            );
        }

        var read = columns.Values.ToHashSet();
        unrecognised = record
            .Fields.Select((f, i) => (Text: CellText.Clean(f), i))
            .Where(f => f.Text.Length > 0 && !read.Contains(f.i))
            .Select(f => f.Text)
            .ToList();
        return columns;
    }

    public static UnreadableSubmissionException Missing() =>
        new(Reason.Of("file.no_header", string.Join(", ", SubmissionColumn.All.Where(c => c.Required).Select(c => c.Label))));

    private static Dictionary<SubmissionColumn, int> Columns(SourceRow record)
    {
        var columns = new Dictionary<SubmissionColumn, int>();
        for (var i = 0; i < record.Fields.Count; i++)
        {
            var column = SubmissionColumn.All.FirstOrDefault(c => c.IsNamedBy(record.Fields[i]));
            if (column is not null)
            {
                columns.TryAdd(column, i);
            }
        }

        return columns;
    }
}
