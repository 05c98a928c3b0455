namespace ApprovalWatch.Domain.Text;

/// <summary>
/// A header-addressed view over a CSV stream for the configuration files: lines starting with '#' before
/// the header are comments, blank lines are skipped, and columns are found by name.
/// </summary>
public sealed class CsvTable
{
    private readonly Dictionary<string, int> _columns;

    private CsvTable(string name, Dictionary<string, int> columns, IReadOnlyList<string> comments, List<SourceRow> rows)
    {
        Name = name;
        _columns = columns;
        Comments = comments;
        Rows = rows;
    }

    public string Name { get; }

    public IReadOnlyList<string> Comments { get; }

    public IReadOnlyList<SourceRow> Rows { get; }

    public static CsvTable Parse(string name, TextReader reader, params string[] requiredColumns)
    {
        var comments = new List<string>();
        Dictionary<string, int>? columns = null;
        var rows = new List<SourceRow>();
        foreach (var record in CsvReader.Read(reader))
        {
            if (CsvReader.IsBlank(record))
            {
                continue;
            }

            if (columns is null)
            {
                var first = record.Fields[0].TrimStart('\uFEFF').Trim();
                if (first.StartsWith('#'))
                {
                    comments.Add(string.Join(",", record.Fields).TrimStart('\uFEFF').TrimStart('#').Trim());
                    continue;
                }

                columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
                for (var i = 0; i < record.Fields.Count; i++)
                {
                    columns.TryAdd(record.Fields[i].TrimStart('\uFEFF').Trim(), i);
                }

                var missing = requiredColumns.Where(c => !columns.ContainsKey(c)).ToList();
                if (missing.Count > 0)
                {
                    throw new FormatException($"{name}: missing column(s) {string.Join(", ", missing)} in the header (line {record.Line}).");
                }

                continue;
            }

            rows.Add(record);
        }

        if (columns is null)
        {
            throw new FormatException($"{name}: the file is empty; expected a header row with {string.Join(", ", requiredColumns)}.");
        }

        return new CsvTable(name, columns, comments, rows);
    }

    public string Get(SourceRow row, string column)
    {
        if (!_columns.TryGetValue(column, out var i))
        {
            return "";
        }

        return i < row.Fields.Count ? row.Fields[i].Trim() : "";
    }

    public string Required(SourceRow row, string column)
    {
        var value = Get(row, column);
        return value.Length > 0 ? value : throw Error(row, $"{column} is empty");
    }

    public int RequiredInt(SourceRow row, string column, int min, int max)
    {
        var text = Required(row, column);
        return int.TryParse(text, out var value) && value >= min && value <= max
            ? value
            : throw Error(row, $"{column} '{text}' is not a whole number from {min} to {max}");
    }

    public FormatException Error(SourceRow row, string message) => new($"{Name} line {row.Line}: {message}.");
}
