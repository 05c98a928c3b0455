using System.Text;

namespace ApprovalWatch.Domain.Text;

/// <summary>
/// A streaming RFC 4180 reader (comma- or tab-separated): quoted fields may hold separators, quotes ("") and line breaks. Reads record
/// by record, so memory does not grow with the file.
/// </summary>
public static class CsvReader
{
    public static IEnumerable<SourceRow> Read(TextReader reader, char delimiter = ',')
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var inQuotes = false;
        var fieldStarted = false;
        int c;
        while ((c = reader.Read()) != -1)
        {
            var ch = (char)c;
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    if (ch == '\n')
                    {
                        line++;
                    }

                    field.Append(ch);
                }

                continue;
            }

            switch (ch)
            {
                case '"' when field.Length == 0 && !fieldStarted:
                    inQuotes = true;
                    fieldStarted = true;
                    break;
                case var d when d == delimiter:
                    fields.Add(field.ToString());
                    field.Clear();
                    fieldStarted = false;
                    break;
                case '\r' when reader.Peek() == '\n':
                    break;
                case '\r':
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    fieldStarted = false;
                    yield return new SourceRow(recordLine, fields.ToArray());
                    fields.Clear();
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(ch);
                    fieldStarted = true;
                    break;
            }
        }

        if (fields.Count > 0 || field.Length > 0 || fieldStarted)
        {
            fields.Add(field.ToString());
            yield return new SourceRow(recordLine, fields.ToArray());
        }
    }

    /// <summary>True for a record with no content (a blank line, or only separators).</summary>
    public static bool IsBlank(SourceRow record) => record.Fields.All(string.IsNullOrWhiteSpace);

    /// <summary>
    /// A field for a CSV file that people open in Excel or WPS: text that would start a formula (= + - @,
    /// tab, carriage return) is prefixed with an apostrophe so it stays text, then quoted as needed.
    /// </summary>
    public static string SafeField(string value) =>
        Escape(value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value);

    /// <summary>Quotes a field when needed so that it reads back as written.</summary>
    public static string Escape(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
}
