using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using ApprovalWatch.Domain.Text;
using ExcelDataReader;

namespace ApprovalWatch.Domain.Submissions.Files;

/// <summary>
/// Opens a department's file by what it is — its first bytes — not by what it is called: a zip is an .xlsx
/// workbook (checked for zip bombs before anything reads it), an OLE2 file an .xls workbook (Excel 97–2003
/// and WPS), text is CSV (comma- or tab-separated, UTF-8, UTF-16 or GB18030) or, starting with '[', JSON
/// (an array of row objects). Rows are read one at a time from a seekable stream, so memory does not grow
/// with the file. Line numbers are those a clerk sees: the physical line of a CSV, the Excel row number (with
/// its sheet), the position of a JSON object. Whatever is wrong with the file surfaces as an
/// <see cref="UnreadableSubmissionException"/>, never another exception.
/// </summary>
public static class SubmissionReader
{
    public const string Extensions = ".csv, .txt, .xlsx, .xls, .json";

    private static readonly string[] Accepted = [".csv", ".txt", ".tsv", ".xlsx", ".xlsm", ".xls", ".json"];

    static SubmissionReader() => System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);

    public static OpenedSubmission Open(string fileName, Stream content, SubmissionLimits limits)
    {
        var opened = OpenAny(fileName, content, limits);
        opened.MaxCells = limits.MaxCells;
        return opened;
    }

    private static OpenedSubmission OpenAny(string fileName, Stream content, SubmissionLimits limits)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var kind = FileKinds.Of(content);
        if (kind == FileKind.Zip)
        {
            return OpenExcel(CheckZip(content, limits), "Excel .xlsx");
        }

        if (kind == FileKind.Ole2)
        {
            return OpenExcel(content, "Excel 97-2003 .xls");
        }

        if (!Accepted.Contains(extension))
        {
            throw new UnreadableSubmissionException(
                Reason.Of("file.extension_not_read", extension, Extensions));
        }

        if (kind == FileKind.OtherBinary)
        {
            throw new UnreadableSubmissionException(
                Reason.Of("file.not_a_table")
            );
        }

        if (extension is ".xlsx" or ".xlsm" or ".xls")
        {
            throw Corrupt();
        }

        return OpenText(content, extension == ".json");
    }

    /// <summary>CSV or, when named so or when the text starts with '[' or '{', JSON; a CSV's separator (comma or tab) is the one its first lines use.</summary>
    private static OpenedSubmission OpenText(Stream content, bool namedJson)
    {
        var (encoding, name, preamble) = TextEncodings.Detect(content);
        content.Position = preamble;
        var reader = new StreamReader(content, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024, leaveOpen: true);
        var head = new char[16 * 1024];
        int read;
        try
        {
            read = reader.ReadBlock(head);
        }
        catch (System.Text.DecoderFallbackException e)
        {
            throw NotText(name, e);
        }

        content.Position = preamble;
        reader.DiscardBufferedData();
        var start = new string(head, 0, read).TrimStart();
        if (namedJson || start.StartsWith('[') || start.StartsWith('{'))
        {
            // JSON is read as UTF-8 bytes: other encodings are transcoded as they stream.
            var utf8 =
                encoding.CodePage == 65001
                    ? content
                    : System.Text.Encoding.CreateTranscodingStream(content, encoding, System.Text.Encoding.UTF8, leaveOpen: true);
            return new OpenedSubmission(Reason.Of("format.plain", "JSON"), _ =>
                Guarded(ReadJson(utf8), e => e is System.Text.DecoderFallbackException ? NotText(name, e) : null)
            );
        }

        var delimiter = Delimiter(new string(head, 0, read));
        return new OpenedSubmission(Reason.Of(delimiter == '\t' ? "format.csv_tabs" : "format.plain", $"CSV {name}"), _ =>
            Guarded(CsvReader.Read(reader, delimiter), e => e is System.Text.DecoderFallbackException ? NotText(name, e) : null)
        );
    }

    /// <summary>Tab when a line among the first ones holds more tabs than commas (Excel's "Unicode text"), else comma.</summary>
    private static char Delimiter(string head)
    {
        var lines = head.Split('\n').Take(30).ToList();
        return lines.Any(l => l.Count(c => c == '\t') >= 2 && l.Count(c => c == '\t') > l.Count(c => c == ','))
            ? '\t'
            : ',';
    }

    /// <summary>
    /// Rows whose reading may fail part-way (a text whose bytes turn out not to be its encoding, a workbook
    /// damaged deep inside): <paramref name="refusal"/> turns such a failure into the refusal the clerk reads.
    /// </summary>
    private static IEnumerable<SourceRow> Guarded(IEnumerable<SourceRow> rows, Func<Exception, UnreadableSubmissionException?> refusal)
    {
        using var enumerator = rows.GetEnumerator();
        while (true)
        {
            try
            {
                if (!enumerator.MoveNext())
                {
                    yield break;
                }
            }
            catch (Exception e) when (e is not UnreadableSubmissionException && refusal(e) is { } refused)
            {
                throw refused;
            }

            yield return enumerator.Current;
        }
    }

    private static UnreadableSubmissionException NotText(string encoding, Exception e) =>
        new(Reason.Of("file.not_text", encoding, e.Message));

    /// <summary>Refuses a zip whose parts would unpack out of proportion (a zip bomb) before anything is read.</summary>
    private static Stream CheckZip(Stream content, SubmissionLimits limits)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > limits.MaxZipEntries)
            {
                throw new UnreadableSubmissionException(Reason.Of("file.too_many_parts", zip.Entries.Count, limits.MaxZipEntries));
            }

            var total = zip.Entries.Sum(e => e.Length);
            if (total > limits.MaxUncompressedBytes)
            {
                throw new UnreadableSubmissionException(Reason.Of("file.unpacks_too_large", total, limits.MaxUncompressedBytes));
            }

            var oversized = zip.Entries.Select(e => (Entry: e, Limit: PartLimit(e.FullName, limits))).FirstOrDefault(p => p.Entry.Length > p.Limit);
            if (oversized.Entry is { } part)
            {
                throw new UnreadableSubmissionException(Reason.Of("file.part_too_large", part.FullName, part.Length, oversized.Limit));
            }

            if (
                zip.GetEntry("mimetype") is { Length: < 200 } mimetype
                && new StreamReader(mimetype.Open()).ReadToEnd().Contains("opendocument", StringComparison.Ordinal)
            )
            {
                throw new UnreadableSubmissionException(Reason.Of("file.ods"));
            }

            var bomb = zip.Entries.FirstOrDefault(e => e.Length > 1024 * 1024 && e.Length > (long)limits.MaxCompressionRatio * Math.Max(1, e.CompressedLength));
            if (bomb is not null)
            {
                throw new UnreadableSubmissionException(
                    Reason.Of("file.zip_bomb", bomb.FullName, bomb.Length / Math.Max(1, bomb.CompressedLength), limits.MaxCompressionRatio)
                );
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

    /// <summary>What a workbook's part may unpack to: the shared strings are held whole, a worksheet is read a row at a time.</summary>
    private static long PartLimit(string name, SubmissionLimits limits) =>
        name.Equals("xl/sharedStrings.xml", StringComparison.OrdinalIgnoreCase) ? limits.MaxSharedStringsBytes
        : name.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase) && !name.Contains("/_rels/", StringComparison.Ordinal) ? limits.MaxSheetBytes
        : limits.MaxOtherPartBytes;

    private static OpenedSubmission OpenExcel(Stream content, string kind)
    {
        IExcelDataReader reader;
        try
        {
            reader = ExcelReaderFactory.CreateReader(content, new ExcelReaderConfiguration { LeaveOpen = true });
        }
        catch (Exception e) when (IsReadFailure(e))
        {
            throw Corrupt();
        }

        return new OpenedSubmission(Reason.Of("format.plain", kind), opened => Guarded(Sheets(reader, kind, opened), e => IsReadFailure(e) ? Corrupt() : null));
    }

    /// <summary>
    /// The rows of every visible sheet with a header among its first rows (one sheet per county is a common
    /// layout); hidden sheets (lookups) and visible sheets without a header are passed over, and the receipt
    /// says which.
    /// </summary>
    private static IEnumerable<SourceRow> Sheets(IExcelDataReader reader, string kind, OpenedSubmission opened)
    {
        using (reader)
        {
            var read = new List<string>();
            do
            {
                if (reader.VisibleState != "visible")
                {
                    continue;
                }

                var sheet = reader.Name;
                var merges = reader.MergeCells ?? [];
                var head = new List<SourceRow>();
                while (head.Count < 30 && ReadNext(reader))
                {
                    head.Add(Row(reader, merges, head.LastOrDefault(), sheet));
                }

                // A procedure file's header, or a project file's (a progress sheet names few of a procedure file's columns).
                if (!head.Any(r => SubmissionHeader.LooksLikeHeader(r) || Projects.ProjectFileKind.OfHeader(r) is not null))
                {
                    if (head.Any(r => !CsvReader.IsBlank(r)))
                    {
                        opened.Notes.Add(Reason.Of("file.sheet_without_header", sheet));
                    }

                    continue;
                }

                read.Add(sheet);
                var sheets = string.Join(", ", read.Select(n => $"'{n}'"));
                opened.Format = Reason.Of(read.Count > 1 ? "format.sheets" : "format.sheet", kind, sheets);
                foreach (var row in head)
                {
                    yield return row;
                }

                var previous = head.LastOrDefault();
                while (ReadNext(reader))
                {
                    previous = Row(reader, merges, previous, sheet);
                    yield return previous;
                }
            }
            while (NextSheet(reader));

            if (read.Count == 0)
            {
                throw SubmissionHeader.Missing();
            }
        }
    }

    private static bool NextSheet(IExcelDataReader reader)
    {
        try
        {
            return reader.NextResult();
        }
        catch (Exception e) when (IsReadFailure(e))
        {
            throw Corrupt();
        }
    }

    private static bool IsReadFailure(Exception e) =>
        e
            is InvalidDataException
                or NotSupportedException
                or ExcelDataReader.Exceptions.ExcelReaderException
                or IOException
                or FormatException
                or System.Xml.XmlException
                or ArgumentException
                or InvalidOperationException
                or IndexOutOfRangeException
                or OverflowException
                or NullReferenceException;

    private static bool ReadNext(IExcelDataReader reader)
    {
        try
        {
            return reader.Read();
        }
        catch (Exception e) when (IsReadFailure(e))
        {
            throw Corrupt();
        }
    }

    /// <summary>One sheet row as text; a cell inside a merged range reads as the range's first cell.</summary>
    private static SourceRow Row(IExcelDataReader reader, CellRange[] merges, SourceRow? previous, string sheet)
    {
        var row = reader.Depth;
        var fields = new string[reader.FieldCount];
        for (var column = 0; column < fields.Length; column++)
        {
            fields[column] = Text(reader.GetValue(column));
        }

        foreach (var merge in merges)
        {
            if (merge is null || merge.FromColumn < 0 || merge.FromColumn >= fields.Length || row < merge.FromRow || row > merge.ToRow)
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

        return new SourceRow(row + 1, fields, sheet);
    }

    private static string Text(object? value) =>
        value switch
        {
            null => "",
            DateTime date => date.TimeOfDay == TimeSpan.Zero
                ? IsoDate.Format(DateOnly.FromDateTime(date))
                : date.ToString(IsoDate.Pattern + " HH:mm:ss", CultureInfo.InvariantCulture),
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
            throw new UnreadableSubmissionException(Reason.Of("file.json", e.Message));
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
                throw new UnreadableSubmissionException(Reason.Of("file.json", e.Message));
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

    private static UnreadableSubmissionException Corrupt() =>
        new(Reason.Of("file.damaged"));
}
