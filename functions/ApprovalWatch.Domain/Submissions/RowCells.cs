using System.Globalization;
using ApprovalWatch.Domain.Text;

namespace ApprovalWatch.Domain.Submissions;

/// <summary>The cells of one row of a department file, read by column, each failure added to the row's errors in both languages.</summary>
public sealed class RowCells(SourceRow row, IReadOnlyDictionary<SubmissionColumn, int> positions, List<RowError>? errors = null)
{
    private readonly List<RowError> _errors = errors ?? [];

    public IReadOnlyList<RowError> Errors => _errors;

    public int Line => row.Line;

    public string? Sheet => row.Sheet;

    public bool Has(SubmissionColumn column) => positions.ContainsKey(column);

    public string Raw(SubmissionColumn column) => positions.TryGetValue(column, out var i) && i < row.Fields.Count ? row.Fields[i] : "";

    public string Get(SubmissionColumn column) => column.Plain ? CellText.Plain(Raw(column)) : CellText.Clean(Raw(column));

    public void Fail(SubmissionColumn column, Reason reason) => _errors.Add(new RowError(row.Line, column.Label, reason, Get(column), row.Sheet));

    /// <summary>False (and an error per cell) when a value is longer than its column allows.</summary>
    public bool WithinLengths()
    {
        foreach (var column in positions.Keys.Where(c => Raw(c).Length > c.MaxLength))
        {
            var raw = Raw(column);
            _errors.Add(
                new RowError(
                    row.Line,
                    column.Label,
                    Reason.Of("cell.too_long", raw.Length, column.MaxLength),
                    raw[..Math.Min(60, raw.Length)] + "…",
                    row.Sheet
                )
            );
        }

        return _errors.Count == 0;
    }

    public string Required(SubmissionColumn column)
    {
        var value = Get(column);
        if (value.Length == 0)
        {
            Fail(column, Reason.Of("cell.required"));
        }

        return value;
    }

    public DateOnly? Date(SubmissionColumn column, bool required = false)
    {
        var text = required ? Required(column) : Get(column);
        if (text.Length == 0)
        {
            return null;
        }

        if (DateText.TryParse(text, out var date))
        {
            return date;
        }

        Fail(column, Reason.Of("cell.not_date", DateText.Shapes));
        return null;
    }

    /// <summary>A month ("2026-05", "2026年5月") as its first day, or a whole date.</summary>
    public DateOnly? Month(SubmissionColumn column)
    {
        var text = Get(column);
        if (text.Length == 0)
        {
            return null;
        }

        var normalized = text.Replace("年", "-", StringComparison.Ordinal)
            .Replace("月", "", StringComparison.Ordinal)
            .Replace('/', '-')
            .Replace('.', '-')
            .TrimEnd('-');
        if (DateOnly.TryParseExact(normalized, ["yyyy-M", "yyyy-MM"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            return month;
        }

        if (DateText.TryParse(text, out var date))
        {
            return new DateOnly(date.Year, date.Month, 1);
        }

        Fail(column, Reason.Of("cell.not_month"));
        return null;
    }

    /// <summary>An amount in 万元, at least 0: "1,200.50", "1200.5万元".</summary>
    public decimal? Amount(SubmissionColumn column, bool required)
    {
        var text = (required ? Required(column) : Get(column))
            .Replace(",", "", StringComparison.Ordinal)
            .Replace("万元", "", StringComparison.Ordinal)
            .Replace("万", "", StringComparison.Ordinal)
            .Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (
            decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount)
            && amount >= 0
            && amount < 100_000_000m
        )
        {
            return decimal.Round(amount, 4);
        }

        Fail(column, Reason.Of("cell.not_amount"));
        return null;
    }

    /// <summary>"15", "15天", "15个工作日", "15.0" (a number cell exported as text).</summary>
    public int? WorkingDays(SubmissionColumn column)
    {
        var text = Get(column).TrimEnd('天', '日').Replace("个工作", "", StringComparison.Ordinal).Replace("工作", "", StringComparison.Ordinal);
        text = text.EndsWith(".0", StringComparison.Ordinal) ? text[..^2] : text;
        if (text.Length == 0)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days is >= 1 and <= 3650)
        {
            return days;
        }

        Fail(column, Reason.Of("cell.not_working_days"));
        return null;
    }

    /// <summary>A project code of the national shape, in a region this deployment serves (none given: any).</summary>
    public string ProjectCode(IReadOnlyCollection<string>? servedRegions)
    {
        var column = SubmissionColumn.ProjectCode;
        var code = Required(column);
        if (code.Length > 0 && !Submissions.ProjectCode.IsValid(code))
        {
            Fail(column, Reason.Of("cell.not_project_code"));
        }
        else if (
            code.Length > 0
            && servedRegions is { Count: > 0 }
            && !servedRegions.Any(r => Submissions.ProjectCode.Region(code).StartsWith(r, StringComparison.Ordinal))
        )
        {
            var region = Submissions.ProjectCode.Region(code);
            Fail(
                column,
                Reason.Of("cell.region_not_served", region, string.Join(", ", servedRegions.Select(r => r + "…")))
            );
        }

        return code;
    }

    /// <summary>A department by its id or its Chinese or English name.</summary>
    public string? Department(SubmissionColumn column, bool required)
    {
        var text = required ? Required(column) : Get(column);
        if (text.Length == 0)
        {
            return null;
        }

        var department = Catalogue.Department.All.FirstOrDefault(d =>
            d.Id.Equals(text, StringComparison.OrdinalIgnoreCase) || d.ChineseName == text || d.EnglishName.Equals(text, StringComparison.OrdinalIgnoreCase)
            || (text.Length >= 2 && d.ChineseName.StartsWith(text, StringComparison.Ordinal)));
        if (department is null)
        {
            Fail(column, Reason.Of("cell.not_department", string.Join(", ", Catalogue.Department.All.Select(d => $"{d.ChineseName}/{d.Id}"))));
        }

        return department?.Id;
    }
}
