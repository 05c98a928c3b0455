using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;

namespace ApprovalWatch.Spreadsheets;

/// <summary>A formula cell with the value Excel cached for it (what readers see; nothing is evaluated).</summary>
public sealed record XlsxFormula(string Formula, object? CachedValue);

/// <summary>One worksheet to write: rows of cells (string, number, <see cref="DateOnly"/>, <see cref="XlsxFormula"/> or null).</summary>
public sealed class XlsxSheet(string name)
{
    public string Name { get; } = name;

    public List<IReadOnlyList<object?>> Rows { get; } = [];

    public bool Hidden { get; init; }

    /// <summary>Merged ranges such as <c>A1:F1</c>.</summary>
    public List<string> Merges { get; } = [];

    /// <summary>Drop-down lists: cells (e.g. <c>D3:D1000</c>) and where their choices are (e.g. <c>'事项目录'!$A$2:$A$20</c>).</summary>
    public List<(string Cells, string Choices)> Lists { get; } = [];

    public List<double> ColumnWidths { get; } = [];
}

/// <summary>
/// Writes .xlsx workbooks (Office Open XML) with what department templates need: several sheets, merged
/// title rows, drop-down lists, dates. Strings are written as inline text cells, never as formulas, so a
/// value such as <c>=HYPERLINK(…)</c> stays text.
/// </summary>
public static class XlsxWriter
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    public static void Write(Stream output, IReadOnlyList<XlsxSheet> sheets)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        Entry(zip, "[Content_Types].xml", ContentTypes(sheets.Count));
        Entry(zip, "_rels/.rels", $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"{Relationships}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
        Entry(zip, "xl/workbook.xml", Workbook(sheets));
        Entry(zip, "xl/_rels/workbook.xml.rels", WorkbookRelationships(sheets.Count));
        Entry(zip, "xl/styles.xml", $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"{Main}\"><fonts count=\"2\"><font><sz val=\"11\"/><name val=\"等线\"/></font><font><b/><sz val=\"11\"/><name val=\"等线\"/></font></fonts><fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills><borders count=\"1\"><border/></borders><cellStyleXfs count=\"1\"><xf/></cellStyleXfs><cellXfs count=\"3\"><xf/><xf numFmtId=\"14\" applyNumberFormat=\"1\"/><xf fontId=\"1\" applyFont=\"1\"/></cellXfs></styleSheet>");
        for (var i = 0; i < sheets.Count; i++)
        {
            Entry(zip, $"xl/worksheets/sheet{i + 1}.xml", Worksheet(sheets[i]));
        }
    }

    /// <summary>The A1-style name of a cell, from 0-based column and row.</summary>
    public static string Cell(int column, int row) => ColumnName(column) + (row + 1).ToString(CultureInfo.InvariantCulture);

    public static string ColumnName(int column)
    {
        var name = "";
        for (column++; column > 0; column = (column - 1) / 26)
        {
            name = (char)('A' + ((column - 1) % 26)) + name;
        }

        return name;
    }

    private static void Entry(ZipArchive zip, string name, string content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
        entry.LastWriteTime = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero); // the same workbook gives the same bytes
        using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false));
        writer.Write(content);
    }

    private static string ContentTypes(int sheets)
    {
        var text = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">");
        text.Append("<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>");
        text.Append("<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>");
        text.Append("<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>");
        for (var i = 1; i <= sheets; i++)
        {
            text.Append($"<Override PartName=\"/xl/worksheets/sheet{i}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
        }

        return text.Append("</Types>").ToString();
    }

    private static string Workbook(IReadOnlyList<XlsxSheet> sheets)
    {
        var text = new StringBuilder($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"{Main}\" xmlns:r=\"{Relationships}\"><sheets>");
        for (var i = 0; i < sheets.Count; i++)
        {
            text.Append($"<sheet name=\"{X(sheets[i].Name)}\" sheetId=\"{i + 1}\" r:id=\"rId{i + 1}\"{(sheets[i].Hidden ? " state=\"hidden\"" : "")}/>");
        }

        return text.Append("</sheets></workbook>").ToString();
    }

    private static string WorkbookRelationships(int sheets)
    {
        var text = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
        for (var i = 1; i <= sheets; i++)
        {
            text.Append($"<Relationship Id=\"rId{i}\" Type=\"{Relationships}/worksheet\" Target=\"worksheets/sheet{i}.xml\"/>");
        }

        return text.Append($"<Relationship Id=\"rId{sheets + 1}\" Type=\"{Relationships}/styles\" Target=\"styles.xml\"/></Relationships>").ToString();
    }

    private static string Worksheet(XlsxSheet sheet)
    {
        var text = new StringBuilder($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"{Main}\" xmlns:r=\"{Relationships}\">");
        if (sheet.ColumnWidths.Count > 0)
        {
            text.Append("<cols>");
            for (var c = 0; c < sheet.ColumnWidths.Count; c++)
            {
                text.Append(CultureInfo.InvariantCulture, $"<col min=\"{c + 1}\" max=\"{c + 1}\" width=\"{sheet.ColumnWidths[c]}\" customWidth=\"1\"/>");
            }

            text.Append("</cols>");
        }

        text.Append("<sheetData>");
        for (var r = 0; r < sheet.Rows.Count; r++)
        {
            text.Append(CultureInfo.InvariantCulture, $"<row r=\"{r + 1}\">");
            for (var c = 0; c < sheet.Rows[r].Count; c++)
            {
                AppendCell(text, Cell(c, r), sheet.Rows[r][c]);
            }

            text.Append("</row>");
        }

        text.Append("</sheetData>");
        if (sheet.Merges.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"<mergeCells count=\"{sheet.Merges.Count}\">");
            foreach (var merge in sheet.Merges)
            {
                text.Append($"<mergeCell ref=\"{merge}\"/>");
            }

            text.Append("</mergeCells>");
        }

        if (sheet.Lists.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"<dataValidations count=\"{sheet.Lists.Count}\">");
            foreach (var (cells, choices) in sheet.Lists)
            {
                text.Append($"<dataValidation type=\"list\" allowBlank=\"1\" showErrorMessage=\"1\" sqref=\"{cells}\"><formula1>{X(choices)}</formula1></dataValidation>");
            }

            text.Append("</dataValidations>");
        }

        return text.Append("</worksheet>").ToString();
    }

    private static void AppendCell(StringBuilder text, string reference, object? value)
    {
        switch (value)
        {
            case null:
                break;
            case XlsxFormula formula:
                text.Append($"<c r=\"{reference}\"{(formula.CachedValue is string ? " t=\"str\"" : "")}><f>{X(formula.Formula)}</f>");
                if (formula.CachedValue is not null)
                {
                    text.Append("<v>").Append(X(Convert.ToString(formula.CachedValue, CultureInfo.InvariantCulture) ?? "")).Append("</v>");
                }

                text.Append("</c>");
                break;
            case DateOnly date:
                text.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\" s=\"1\"><v>{date.ToDateTime(TimeOnly.MinValue).ToOADate()}</v></c>");
                break;
            case int or long or double or decimal:
                text.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\"><v>{Convert.ToString(value, CultureInfo.InvariantCulture)}</v></c>");
                break;
            case XlsxBold bold:
                text.Append($"<c r=\"{reference}\" t=\"inlineStr\" s=\"2\"><is><t xml:space=\"preserve\">{X(bold.Text)}</t></is></c>");
                break;
            default:
                text.Append($"<c r=\"{reference}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{X(value.ToString() ?? "")}</t></is></c>");
                break;
        }
    }

    private static string X(string text) => SecurityElement.Escape(text) ?? "";
}

/// <summary>A text cell in bold, for headers.</summary>
public sealed record XlsxBold(string Text);
