using ApprovalWatch.Text;

namespace ApprovalWatch.Submissions;

/// <summary>Finds the header row of a department file by its column names, below any title rows.</summary>
public static class SubmissionHeader
{
    /// <summary>A row naming at least this many known columns is the header.</summary>
    private const int MinimumColumns = 3;

    public static bool LooksLikeHeader(SourceRow record) => Columns(record).Count >= MinimumColumns;

    /// <summary>The column positions if this row is the header; null for a title row above it.</summary>
    /// <exception cref="UnreadableSubmissionException">The header lacks a required column.</exception>
    public static Dictionary<SubmissionColumn, int>? Find(SourceRow record)
    {
        var columns = Columns(record);
        if (columns.Count < MinimumColumns)
        {
            return null;
        }

        var missing = SubmissionColumn.All.Where(c => c.Required && !columns.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            throw new UnreadableSubmissionException(
                $"表头第 {record.Line} 行缺少必填列；the header on line {record.Line} lacks required column(s): {string.Join(", ", missing.Select(c => c.Label))}.");
        }

        return columns;
    }

    public static UnreadableSubmissionException Missing() => new(
        $"未找到表头行；no header row found: a row must name the columns {string.Join(", ", SubmissionColumn.All.Where(c => c.Required).Select(c => c.Label))}.");

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
