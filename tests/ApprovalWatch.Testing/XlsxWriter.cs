using SpreadCheetah;
using SpreadCheetah.Worksheets;

namespace ApprovalWatch.Testing;

/// <summary>A formula cell with the value Excel cached for it (what readers see; nothing is evaluated).</summary>
public sealed record XlsxFormula(string Formula, object CachedValue);

/// <summary>One worksheet of a test workbook: rows of cells (string, number, <see cref="DateOnly"/>, <see cref="DateTime"/>, <see
/// cref="XlsxFormula"/> or null).</summary>
public sealed class XlsxSheet(string name)
{
    public string Name { get; } = name;

    public List<IReadOnlyList<object?>> Rows { get; } = [];

    public bool Hidden { get; init; }

    /// <summary>Merged ranges such as <c>A1:F1</c>.</summary>
    public List<string> Merges { get; } = [];
}

/// <summary>Writes the workbooks clerks make (hidden sheets, merged titles, formulas, date cells) for tests, with SpreadCheetah.</summary>
public static class XlsxWriter
{
    public static void Write(Stream output, IReadOnlyList<XlsxSheet> sheets) => WriteAsync(output, sheets).GetAwaiter().GetResult();

    private static async Task WriteAsync(Stream output, IReadOnlyList<XlsxSheet> sheets)
    {
        await using var workbook = await Spreadsheet.CreateNewAsync(output);
        foreach (var sheet in sheets)
        {
            await workbook.StartWorksheetAsync(
                sheet.Name,
                new WorksheetOptions { Visibility = sheet.Hidden ? WorksheetVisibility.Hidden : WorksheetVisibility.Visible }
            );
            foreach (var row in sheet.Rows)
            {
                await workbook.AddRowAsync(row.Select(Cell).ToArray());
            }

            foreach (var merge in sheet.Merges)
            {
                workbook.MergeCells(merge);
            }
        }

        await workbook.FinishAsync();
    }

    private static Cell Cell(object? value) => value switch
    {
        null => default,
        XlsxFormula { CachedValue: string text } f => new Cell(new Formula(f.Formula), text),
        XlsxFormula f => new Cell(new Formula(f.Formula), Convert.ToDouble(f.CachedValue, System.Globalization.CultureInfo.InvariantCulture)),
        DateOnly date => new Cell(date.ToDateTime(TimeOnly.MinValue)),
        DateTime dateTime => new Cell(dateTime),
        int number => new Cell(number),
        double number => new Cell(number),
        _ => new Cell(value.ToString()),
    };
}
