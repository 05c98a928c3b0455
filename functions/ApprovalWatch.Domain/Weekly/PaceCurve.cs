using ApprovalWatch.Domain.Calendar;
using ApprovalWatch.Domain.Text;

namespace ApprovalWatch.Domain.Weekly;

/// <summary>
/// The share of the year's plan each month should bring (<c>config/pace.csv</c>: <c>month,weight</c>, twelve rows):
/// where winter stops outdoor works (Kizilsu), a uniform pace misjudges January and July alike. The pace on a date is
/// the weights of the months gone by and of the month under way in proportion to its working days elapsed, over
/// the weights of the year.
/// </summary>
public sealed class PaceCurve
{
    public const string BlobName = "pace.csv";

    private readonly decimal[] _weights;

    public PaceCurve(IReadOnlyList<decimal> weights)
    {
        if (weights.Count != 12 || weights.Any(w => w < 0) || weights.Sum() <= 0)
        {
            throw new FormatException($"{BlobName}: twelve months, each weight 0 or more, not all 0.");
        }

        _weights = [.. weights];
    }

    public IReadOnlyList<decimal> Weights => _weights;

    public decimal On(DateOnly date, WorkingCalendar calendar)
    {
        var first = new DateOnly(date.Year, date.Month, 1);
        var inMonth = calendar.WorkingDaysIn(first, first.AddMonths(1).AddDays(-1));
        var elapsed = calendar.WorkingDaysIn(first, date);
        var done = _weights.Take(date.Month - 1).Sum() + (inMonth == 0 ? 0 : _weights[date.Month - 1] * elapsed / inMonth);
        return done / _weights.Sum();
    }

    public static PaceCurve Parse(TextReader reader)
    {
        var table = CsvTable.Parse(BlobName, reader, "month", "weight");
        var weights = new decimal?[12];
        foreach (var row in table.Rows)
        {
            var month = table.Required(row, "month");
            var weight = table.Required(row, "weight");
            if (!int.TryParse(month, out var m) || m is < 1 or > 12 || weights[m - 1] is not null)
            {
                throw table.Error(row, $"month '{month}' is not a month from 1 to 12 given once");
            }

            weights[m - 1] =
                decimal.TryParse(weight, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var w)
                && w >= 0
                    ? w
                    : throw table.Error(row, $"weight '{weight}' is not a number of 0 or more");
        }

        return new PaceCurve([.. weights.Select((w, i) => w ?? throw new FormatException($"{BlobName}: month {i + 1} has no weight."))]);
    }
}
