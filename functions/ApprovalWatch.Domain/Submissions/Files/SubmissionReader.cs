using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using ApprovalWatch.Text;
using ExcelDataReader;

namespace ApprovalWatch.Submissions.Files;

/// <summary>
/// Opens a department's file by its extension: CSV (UTF-8, UTF-16 or GB18030), Excel (.xlsx, and .xls
/// as Excel 97–2003 and WPS save it) or JSON (an array of row objects). Rows are read one at a time from a
/// seekable stream, so memory does not grow with the file. Line numbers are those a clerk sees: the
/// physical line of a CSV, the Excel row number, the position of a JSON object.
/// </summary>
public static class SubmissionReader
{
    public const string Extensions = ".csv, .xlsx, .xls, .json";

    static SubmissionReader() => System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);

    public static OpenedSubmission Open(string fileName, Stream content, SubmissionLimits limits)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        return extension switch
        {
            ".csv" or ".txt" => OpenCsv(content),
            ".xlsx" or ".xlsm" => OpenExcel(CheckZip(content, limits), "Excel .xlsx"),
            ".xls" => OpenExcel(content, "Excel 97-2003 .xls"),
            ".json" => new OpenedSubmission("JSON", ReadJson(content)),
            _ => throw new UnreadableSubmissionException(
                $"不支持的文件格式 {extension}，请提交 Excel、CSV 或 JSON 文件；format '{extension}' is not read: submit one of {Extensions}."),
        };
    }

    private static OpenedSubmission OpenCsv(Stream content)
    {
        var (encoding, name, preamble) = TextEncodings.Detect(content);
        content.Position = preamble;
        var reader = new StreamReader(content, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024, leaveOpen: true);
        return new OpenedSubmission($"CSV {name}", CsvReader.Read(reader));
    }

    /// <summary>Refuses a zip whose parts would unpack out of proportion (a zip bomb) before anything is read.</summary>
    private static Stream CheckZip(Stream content, SubmissionLimits limits)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > limits.MaxZipEntries)
            {
                throw Refused($"压缩包内文件过多（{zip.Entries.Count:N0} 个）；the workbook holds {zip.Entries.Count:N0} parts, more than the limit of {limits.MaxZipEntries:N0}");
            }

            var total = zip.Entries.Sum(e => e.Length);
            if (total > limits.MaxUncompressedBytes)
            {
                throw Refused($"解压后过大（{total:N0} 字节）；the workbook would unpack to {total:N0} bytes, more than the limit of {limits.MaxUncompressedBytes:N0}");
            }

            var bomb = zip.Entries.FirstOrDefault(e => e.Length > 1024 * 1024 && e.Length > (long)limits.MaxCompressionRatio * Math.Max(1, e.CompressedLength));
            if (bomb is not null)
            {
                throw Refused($"压缩比异常（{bomb.FullName}）；part {bomb.FullName} is compressed {bomb.Length / Math.Max(1, bomb.CompressedLength):N0} times, more than the limit of {limits.MaxCompressionRatio}: a zip bomb is refused");
            }
        }
        catch (InvalidDataException)
        {
            throw Corrupt();
        }
        finally
        {
            content.Position = 0;
        }

        return content;
    }

    private static OpenedSubmission OpenExcel(Stream content, string kind)
    {
        IExcelDataReader reader;
        try
        {
            reader = ExcelReaderFactory.CreateReader(content, new ExcelReaderConfiguration { LeaveOpen = true });
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or ExcelDataReader.Exceptions.ExcelReaderException or IOException or System.Xml.XmlException)
        {
            throw Corrupt();
        }

        try
        {
            // The first visible sheet with a header row among its first rows: hidden sheets (lookups) are passed over.
            do
            {
                if (reader.VisibleState != "visible")
                {
                    continue;
                }

                var merges = reader.MergeCells ?? [];
                var head = new List<SourceRow>();
                while (head.Count < 30 && ReadNext(reader))
                {
                    head.Add(Row(reader, merges, head.LastOrDefault()));
                }

                if (head.Any(SubmissionHeader.LooksLikeHeader))
                {
                    return new OpenedSubmission($"{kind}, sheet '{reader.Name}'", Rows(reader, merges, head));
                }
            }
            while (reader.NextResult());
        }
        catch (Exception e) when (e is InvalidDataException or ExcelDataReader.Exceptions.ExcelReaderException or IOException or FormatException or System.Xml.XmlException)
        {
            reader.Dispose();
            throw Corrupt();
        }

        reader.Dispose();
        throw SubmissionHeader.Missing();
    }

    private static IEnumerable<SourceRow> Rows(IExcelDataReader reader, CellRange[] merges, List<SourceRow> head)
    {
        using (reader)
        {
            foreach (var row in head)
            {
                yield return row;
            }

            var previous = head.LastOrDefault();
            while (ReadNext(reader))
            {
                previous = Row(reader, merges, previous);
                yield return previous;
            }
        }
    }

    private static bool ReadNext(IExcelDataReader reader)
    {
        try
        {
            return reader.Read();
        }
        catch (Exception e) when (e is InvalidDataException or ExcelDataReader.Exceptions.ExcelReaderException or IOException or FormatException or System.Xml.XmlException)
        {
            throw Corrupt();
        }
    }

    /// <summary>One sheet row as text; a cell inside a merged range reads as the range's first cell.</summary>
    private static SourceRow Row(IExcelDataReader reader, CellRange[] merges, SourceRow? previous)
    {
        var row = reader.Depth;
        var fields = new string[reader.FieldCount];
        for (var column = 0; column < fields.Length; column++)
        {
            fields[column] = Text(reader.GetValue(column));
        }

        foreach (var merge in merges)
        {
            if (row < merge.FromRow || row > merge.ToRow)
            {
                continue;
            }

            for (var column = merge.FromColumn; column <= merge.ToColumn && column < fields.Length; column++)
            {
                if (row == merge.FromRow && column == merge.FromColumn)
                {
                    continue;
                }

                fields[column] = row == merge.FromRow
                    ? fields[merge.FromColumn]
                    : previous is not null && merge.FromColumn < previous.Value.Fields.Count ? previous.Value.Fields[merge.FromColumn] : "";
            }
        }

        return new SourceRow(row + 1, fields);
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        DateTime date => date.ToString(date.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        double number when number == Math.Floor(number) && Math.Abs(number) < 1e15 => ((long)number).ToString(CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>A JSON array of row objects, read one object at a time; each object's keys are column names.</summary>
    private static IEnumerable<SourceRow> ReadJson(Stream content)
    {
        var columns = SubmissionColumn.All;
        yield return new SourceRow(0, columns.Select(c => c.Name).ToArray());
        IEnumerable<JsonElement?> items;
        try
        {
            items = JsonSerializer.DeserializeAsyncEnumerable<JsonElement?>(content).ToBlockingEnumerable();
        }
        catch (JsonException e)
        {
            throw new UnreadableSubmissionException($"JSON 格式错误；the file is not a JSON array of rows: {e.Message}");
        }

        var line = 0;
        var columnOf = new Dictionary<string, int>();
        using var rows = items.GetEnumerator();
        while (true)
        {
            try
            {
                if (!rows.MoveNext())
                {
                    yield break;
                }
            }
            catch (JsonException e)
            {
                throw new UnreadableSubmissionException($"JSON 格式错误；the file is not a JSON array of rows: {e.Message}");
            }

            line++;
            if (rows.Current is not { ValueKind: JsonValueKind.Object } item)
            {
                // Not a row object: kept as a row whose project code is the item itself, so it is rejected and shown, not dropped.
                yield return new SourceRow(line, columns.Select((_, i) => i == 0 ? rows.Current?.GetRawText() ?? "null" : "").ToArray());
                continue;
            }

            var fields = new string[columns.Count];
            foreach (var property in item.EnumerateObject())
            {
                if (!columnOf.TryGetValue(property.Name, out var index))
                {
                    columnOf[property.Name] = index = IndexOf(columns, property.Name);
                }

                if (index >= 0)
                {
                    fields[index] = property.Value.ValueKind switch
                    {
                        JsonValueKind.String => property.Value.GetString() ?? "",
                        JsonValueKind.Null => "",
                        _ => property.Value.GetRawText(),
                    };
                }
            }

            yield return new SourceRow(line, fields.Select(f => f ?? "").ToArray());
        }
    }

    private static int IndexOf(IReadOnlyList<SubmissionColumn> columns, string key)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i].IsNamedBy(key))
            {
                return i;
            }
        }

        return -1;
    }

    private static UnreadableSubmissionException Refused(string reason) => new($"{reason}.");

    private static UnreadableSubmissionException Corrupt() =>
        new("文件已损坏或不是有效的 Excel 工作簿；the file is damaged or is not an Excel workbook: save it again from Excel or WPS.");
}
