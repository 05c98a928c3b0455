using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ApprovalWatch.Presentation.Submissions;

/// <summary>What a column of a workbook to fill in holds.</summary>
public enum FillInKind
{
    Text,
    Date,
    Number,

    /// <summary>A procedure's status, chosen from a list.</summary>
    Status,

    /// <summary>A procedure's code, chosen from the list sheet.</summary>
    Procedure,
}

/// <summary>A column: its header, whether the sheet's protection locks it, what it holds, its width.</summary>
public sealed record FillInColumn(string Header, bool Locked, FillInKind Kind, double Width = 18);

/// <summary>
/// A workbook that comes filled in (Open XML SDK, for what SpreadCheetah cannot write: sheet protection and unlocked
/// cells): a title row, the headers, the current rows with their locked columns grey, then a yellow area of empty
/// unlocked rows for new ones; statuses and procedures chosen from lists, dates checked as dates; the sheet protected
/// without a password (it guards against a slip, the server checks authority), columns and rows still resizable.
/// Values are <see cref="string"/>, <see cref="DateOnly"/>, numbers or null.
/// </summary>
public static class FillInWorkbook
{
    private const uint DateFormat = 164;

    // Cell formats, by index in the stylesheet below.
    private const uint Title = 1, Header = 2, LockedText = 3, LockedDate = 4, OpenText = 5, OpenDate = 6, NewText = 7, NewDate = 8;

    public static byte[] Write(
        string sheetName,
        string title,
        IReadOnlyList<FillInColumn> columns,
        IReadOnlyList<IReadOnlyList<object?>> rows,
        int newRows,
        IReadOnlyList<string> statuses,
        (string Name, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows)? listSheet = null
    )
    {
        using var output = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();

            var lastRow = rows.Count + newRows + 2;
            var sheet = AddSheet(workbook, sheetName, columns.Select(c => c.Width));
            var data = sheet.Worksheet.GetFirstChild<SheetData>()!;
            data.Append(Row(1, [title], _ => Title));
            data.Append(Row(2, [.. columns.Select(c => c.Header)], _ => Header));
            for (var r = 0; r < rows.Count; r++)
            {
                data.Append(Row((uint)(r + 3), rows[r], c => columns[c].Locked ? (columns[c].Kind == FillInKind.Date ? LockedDate : LockedText)
                        : columns[c].Kind == FillInKind.Date ? OpenDate
                        : OpenText));
            }

            for (var r = rows.Count + 3; r <= lastRow; r++)
            {
                data.Append(Row((uint)r, new object?[columns.Count], c => columns[c].Kind == FillInKind.Date ? NewDate : NewText));
            }

            var worksheet = sheet.Worksheet;
            worksheet.InsertAfter(new SheetProtection { Sheet = true, Objects = true, Scenarios = true, FormatColumns = false, FormatRows = false }, data);
            worksheet.Append(new MergeCells(new MergeCell { Reference = $"A1:{ColumnName(columns.Count - 1)}1" }));
            var validations = new DataValidations();
            for (var c = 0; c < columns.Count; c++)
            {
                var range = $"{ColumnName(c)}3:{ColumnName(c)}{lastRow}";
                switch (columns[c].Kind)
                {
                    case FillInKind.Status:
                        validations.Append(List(range, $"\"{string.Join(',', statuses)}\""));
                        break;
                    case FillInKind.Procedure when listSheet is { } list:
                        validations.Append(List(range, $"'{list.Name}'!$A$2:$A${list.Rows.Count + 1}"));
                        break;
                    case FillInKind.Date:
                        validations.Append(
                            new DataValidation(new Formula1("36526"), new Formula2("73415"))
                            {
                                Type = DataValidationValues.Date,
                                Operator = DataValidationOperatorValues.Between,
                                AllowBlank = true,
                                ShowErrorMessage = true,
                                ErrorTitle = "日期 date",
                                Error = "请填写日期，如 2026-03-13；a date, e.g. 2026-03-13",
                                SequenceOfReferences = new ListValue<StringValue> { InnerText = range },
                            }
                        );
                        break;
                }
            }

            validations.Count = (uint)validations.ChildElements.Count;
            if (validations.Count > 0)
            {
                worksheet.Append(validations);
            }

            if (listSheet is { } extra)
            {
                // Hidden: it feeds the drop-down, and a reader passes over a hidden sheet without a word.
                var listPart = AddSheet(workbook, extra.Name, extra.Headers.Select(_ => 18.0), hidden: true);
                var listData = listPart.Worksheet.GetFirstChild<SheetData>()!;
                listData.Append(Row(1, [.. extra.Headers], _ => Header));
                for (var r = 0; r < extra.Rows.Count; r++)
                {
                    listData.Append(Row((uint)(r + 2), extra.Rows[r], _ => LockedText));
                }

                listPart.Worksheet.InsertAfter(new SheetProtection { Sheet = true, Objects = true, Scenarios = true, FormatColumns = false }, listData);
            }
        }

        return output.ToArray();
    }

    private static WorksheetPart AddSheet(WorkbookPart workbook, string name, IEnumerable<double> widths, bool hidden = false)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        var cols = new Columns(widths.Select((w, i) => new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = w, CustomWidth = true }));
        // The title and headers stay in view while scrolling.
        var view = new SheetViews(
            new SheetView(
                new Pane
                {
                    VerticalSplit = 2,
                    TopLeftCell = "A3",
                    ActivePane = PaneValues.BottomLeft,
                    State = PaneStateValues.Frozen,
                }
            )
            {
                WorkbookViewId = 0,
            }
        );
        part.Worksheet = new Worksheet(view, cols, new SheetData());
        var sheets = workbook.Workbook.Sheets!;
        sheets.Append(
            new Sheet
            {
                Id = workbook.GetIdOfPart(part),
                SheetId = (uint)sheets.ChildElements.Count + 1,
                Name = name,
                State = hidden ? SheetStateValues.Hidden : null,
            }
        );
        return part;
    }

    private static Row Row(uint index, IReadOnlyList<object?> values, Func<int, uint> style)
    {
        var row = new Row { RowIndex = index };
        for (var c = 0; c < values.Count; c++)
        {
            var cell = new Cell { CellReference = $"{ColumnName(c)}{index}", StyleIndex = style(c) };
            switch (values[c])
            {
                case null:
                    break;
                case DateOnly date:
                    cell.CellValue = new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture));
                    break;
                case int or long or decimal or double:
                    cell.CellValue = new CellValue(Convert.ToString(values[c], CultureInfo.InvariantCulture)!);
                    break;
                case var text:
                    cell.DataType = CellValues.InlineString;
                    cell.InlineString = new InlineString(new Text(text.ToString()!) { Space = SpaceProcessingModeValues.Preserve });
                    break;
            }

            row.Append(cell);
        }

        return row;
    }

    private static DataValidation List(string range, string formula) => new(new Formula1(formula))
    {
        Type = DataValidationValues.List, AllowBlank = true, ShowErrorMessage = true, SequenceOfReferences = new ListValue<StringValue> { InnerText = range },
    };

    private static Stylesheet Styles()
    {
        static Fill Solid(string rgb) => new(new PatternFill(new ForegroundColor { Rgb = rgb }) { PatternType = PatternValues.Solid });
        static CellFormat Format(uint font, uint fill, bool locked, bool date = false) =>
            new(new Protection { Locked = locked })
            {
                FontId = font,
                FillId = fill,
                BorderId = 0,
                NumberFormatId = date ? DateFormat : 0,
                ApplyFont = true,
                ApplyFill = true,
                ApplyProtection = true,
                ApplyNumberFormat = date,
            };

        return new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = DateFormat, FormatCode = "yyyy-mm-dd" }) { Count = 1 },
            new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                Solid("FFE4E7EB"),
                Solid("FFFFF6D6")
            )
            {
                Count = 4,
            },
            new Borders(new Border()) { Count = 1 },
            new CellFormats(
                new CellFormat(),
                Format(1, 0, locked: true),
                Format(1, 2, locked: true),
                Format(0, 2, locked: true),
                Format(0, 2, locked: true, date: true),
                Format(0, 0, locked: false),
                Format(0, 0, locked: false, date: true),
                Format(0, 3, locked: false),
                Format(0, 3, locked: false, date: true)) { Count = 9 });
    }

    /// <summary>The letters of a 0-based column, as in A1 references.</summary>
    public static string ColumnName(int column)
    {
        var name = "";
        for (column++; column > 0; column = (column - 1) / 26)
        {
            name = (char)('A' + ((column - 1) % 26)) + name;
        }

        return name;
    }
}
