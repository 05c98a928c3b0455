using System.Globalization;
using ApprovalWatch.Domain.Text;

namespace ApprovalWatch.Presentation.Pages;

/// <summary>One procedure on a project's timeline: from acceptance to finish (or today), its pauses and its two limits.</summary>
public sealed record TimelineInput(
    string Code,
    string Name,
    string? Flag,
    DateOnly AcceptedOn,
    DateOnly? CompletedOn,
    DateOnly? DueOn,
    DateOnly? StatutoryDueOn,
    IReadOnlyList<(DateOnly From, DateOnly? To)> Pauses
);

/// <summary>
/// The geometry of a project page's drawings, as the SVG in <c>project.liquid</c> draws them: a timeline row per
/// procedure (pauses shaded, the promised due date a solid mark, the statutory one dashed, today a blue line) and
/// the year's investment against its plan. Coordinates are text, as SVG reads them.
/// </summary>
public static class Drawings
{
    private const int Left = 150,
        Width = 640,
        Row = 22,
        LabelCharacters = 12;

    public static object? Timeline(IReadOnlyList<TimelineInput> procedures, DateOnly today)
    {
        if (procedures.Count == 0)
        {
            return null;
        }

        var start = procedures.Min(p => p.AcceptedOn);
        var end = new[] { today }
            .Concat(procedures.SelectMany(p => new[] { p.DueOn, p.StatutoryDueOn, p.CompletedOn }).OfType<DateOnly>())
            .Max()
            .AddDays(3);
        var days = Math.Max(1, end.DayNumber - start.DayNumber);
        double X(DateOnly d) => Left + (d.DayNumber - start.DayNumber) * (double)Width / days;
        var height = 30 + procedures.Count * Row;
        var rows = procedures
            .Select(
                (p, i) =>
                {
                    var y = 22 + i * Row;
                    var finish = p.CompletedOn ?? today;
                    return new
                    {
                        p.Code,
                        p.Name,
                        // The procedure by its name, shortened to the label's room (the full name and code in its title).
                        Label = p.Name.Length <= LabelCharacters ? p.Name : string.Concat(p.Name.AsSpan(0, LabelCharacters - 1), "…"),
                        Accepted = IsoDate.Format(p.AcceptedOn),
                        Completed = IsoDate.Format(p.CompletedOn),
                        TextY = y + 13,
                        BarX = F(X(p.AcceptedOn)),
                        BarY = y + 3,
                        BarWidth = F(Math.Max(2, X(finish) - X(p.AcceptedOn))),
                        Color = p.Flag switch
                        {
                            "red" => "#d64545",
                            "yellow" => "#f0b429",
                            "paused" => "#9aa5b1",
                            _ => "#3ebd93",
                        },
                        Pauses = p
                            .Pauses.Select(x => new
                            {
                                X = F(X(x.From)),
                                Y = y + 1,
                                Width = F(Math.Max(2, X(x.To ?? today) - X(x.From))),
                            })
                            .ToList(),
                        Due = p.DueOn is { } due ? new { X = F(X(due)), Date = IsoDate.Format(due) } : null,
                        Statutory = p.StatutoryDueOn is { } statutory ? new { X = F(X(statutory)), Date = IsoDate.Format(statutory) } : null,
                        Top = y,
                        Bottom = y + 18,
                    };
                }
            )
            .ToList();
        return new
        {
            Width = Left + Width + 10,
            Height = height,
            TodayX = F(X(today)),
            TodayTextX = F(X(today) + 3),
            Today = today.ToString("MM-dd", CultureInfo.InvariantCulture),
            Rows = rows,
        };
    }

    /// <summary>The year's investment against its plan: axes with their values (万元 up, months along), the plan as a dashed line, each report a
    /// labelled point.</summary>
    public static object? Investment(IReadOnlyList<(DateOnly ReportedOn, decimal YearToDate)> points, decimal annualPlan, int year)
    {
        if (points.Count == 0 || annualPlan <= 0)
        {
            return null;
        }

        const int width = 640,
            height = 200,
            left = 70,
            right = 20,
            top = 20,
            bottom = 30;
        var highest = (double)Math.Max(annualPlan, points.Max(p => p.YearToDate));
        var first = new DateOnly(year, 1, 1);
        double X(DateOnly d) => left + (d.DayNumber - first.DayNumber) * (width - left - right) / 365.0;
        double Y(double v) => height - bottom - v / highest * (height - top - bottom);
        return new
        {
            Width = width,
            Height = height,
            Left = left,
            Right = width - right,
            Top = top,
            Bottom = height - bottom,
            PlanY = F(Y((double)annualPlan)),
            PlanTextY = F(Y((double)annualPlan) - 4),
            Plan = annualPlan,
            Line = string.Join(' ', points.Select(p => $"{F(X(p.ReportedOn))},{F(Y((double)p.YearToDate))}")),
            Points = points
                .Select(p => new
                {
                    X = F(X(p.ReportedOn)),
                    Y = F(Y((double)p.YearToDate)),
                    LabelY = F(Y((double)p.YearToDate) - 7),
                    Date = IsoDate.Format(p.ReportedOn),
                    Value = p.YearToDate,
                })
                .ToList(),
            YTicks = Enumerable
                .Range(0, 5)
                .Select(i => highest * i / 4)
                .Select(v => new
                {
                    Y = F(Y(v)),
                    TextY = F(Y(v) + 3),
                    Value = (decimal)Math.Round(v),
                })
                .ToList(),
            XTicks = Enumerable.Range(1, 12).Select(m => new { X = F(X(new DateOnly(year, m, 1))), Month = m }).ToList(),
            MonthY = height - bottom + 14,
        };
    }

    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}
