using ApprovalWatch.Domain.Text;

namespace ApprovalWatch.Domain.Calendar;

/// <summary>
/// Reads one calendar file: one year of one layer. A comment line "# source: …" names the notice; each
/// row is <c>date,kind,name</c> with kind <c>holiday</c> or <c>working</c>.
/// </summary>
public static class CalendarFile
{
    public static CalendarYear Parse(string fileName, string layer, TextReader reader)
    {
        var table = CsvTable.Parse(fileName, reader, "date", "kind", "name");
        var source = SourceOf(table, "the notice it comes from");

        var days = new List<CalendarDay>();
        int? year = null;
        foreach (var row in table.Rows)
        {
            var dateText = table.Required(row, "date");
            if (!IsoDate.TryParse(dateText, out var date))
            {
                throw table.Error(row, $"date '{dateText}' is not {IsoDate.Pattern}");
            }

            year ??= date.Year;
            if (date.Year != year)
            {
                throw table.Error(row, $"date {dateText} is not in {year}: one file holds one year");
            }

            var kind = table.Required(row, "kind").ToLowerInvariant() switch
            {
                "holiday" => DayKind.Holiday,
                "working" => DayKind.WorkingDay,
                var other => throw table.Error(row, $"kind '{other}' is neither 'holiday' nor 'working'"),
            };
            days.Add(new CalendarDay(date, kind, table.Get(row, "name")));
        }

        var fileYear = year ?? YearFromFileName(fileName);
        return new CalendarYear(fileYear, layer, source, days);
    }

    /// <summary>The file's <c># source: …</c> comment; a file without one is refused, naming what it must name.</summary>
    internal static string SourceOf(CsvTable table, string what)
    {
        var source = table.Comments
            .Where(c => c.StartsWith("source:", StringComparison.OrdinalIgnoreCase))
            .Select(c => c["source:".Length..].Trim())
            .FirstOrDefault();
        return string.IsNullOrEmpty(source)
            ? throw new FormatException($"{table.Name}: the first lines must name {what}, as '# source: …'.")
            : source;
    }

    private static int YearFromFileName(string fileName) =>
        int.TryParse(Path.GetFileNameWithoutExtension(fileName), out var year)
            ? year
            : throw new FormatException($"{fileName}: no dates and no year in the file name.");
}
