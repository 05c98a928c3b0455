using ApprovalWatch.Domain.Staff;
using ApprovalWatch.Domain.Weekly;
using ScottPlot;
using SkiaSharp;

namespace ApprovalWatch.Presentation.Weekly;

/// <summary>
/// The report's charts as PNG (ScottPlot), which common mail clients show inline: completion against pace by
/// county, and the weekly trend of completion, pace and the new-start rate. Chinese labels need a font with
/// Chinese glyphs; where the machine has none, the charts are labelled in English.
/// </summary>
public static class WeeklyCharts
{
    public const string CountyChart = "county.png";
    public const string TrendChart = "trend.png";

    internal static readonly Lazy<string?> ChineseFont = new(() =>
        SKFontManager.Default.FontFamilies.FirstOrDefault(family =>
            SKTypeface.FromFamilyName(family) is { } face && face.ContainsGlyph('阿') && face.ContainsGlyph('率')
        )
    );

    public static IReadOnlyDictionary<string, byte[]> Render(WeeklyReport report, Language language)
    {
        var zh = language != Language.English && ChineseFont.Value is not null;
        string T(string chinese, string english) => zh ? chinese : english;
        return new Dictionary<string, byte[]>
        {
            [CountyChart] = Counties(report, zh, T),
            [TrendChart] = Trend(report, T),
        };
    }

    private static byte[] Counties(WeeklyReport report, bool zh, Func<string, string, string> t)
    {
        var plot = NewPlot(t("各县市完成率与序时进度（%）", "Completion by county against pace (%)"));
        var counties = report.Counties.OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        var bars = counties
            .Select(
                (c, i) =>
                    new Bar
                    {
                        Position = i,
                        Value = (double)((c.CompletionRate ?? 0) * 100),
                        FillColor = c.CompletionRate >= report.Headline.Pace ? Colors.SeaGreen : Colors.IndianRed,
                    }
            )
            .ToList();
        plot.Add.Bars(bars);
        plot.Axes.Bottom.SetTicks(
            counties.Select((_, i) => (double)i).ToArray(),
            counties.Select(c => zh ? c.Name : Domain.Projects.Counties.English(c.Name)).ToArray()
        );
        var pace = plot.Add.HorizontalLine((double)(report.Headline.Pace * 100));
        pace.LegendText = t("序时进度", "pace");
        pace.LinePattern = LinePattern.Dashed;
        plot.Axes.Margins(bottom: 0);
        plot.ShowLegend(Alignment.UpperRight);
        return plot.GetImageBytes(640, 320, ImageFormat.Png);
    }

    private static byte[] Trend(WeeklyReport report, Func<string, string, string> t)
    {
        var plot = NewPlot(t("近几周完成率、序时进度与开工率（%）", "Completion, pace and new-start rate by week (%)"));
        var x = report.Trend.Select((_, i) => (double)i).ToArray();
        void Line(string label, IEnumerable<decimal?> values, Color color)
        {
            var points = x.Zip(values).Where(p => p.Second is not null).ToList();
            if (points.Count == 0)
            {
                return;
            }

            var line = plot.Add.Scatter(points.Select(p => p.First).ToArray(), points.Select(p => (double)(p.Second!.Value * 100)).ToArray(), color);
            line.LegendText = label;
        }

        Line(t("完成率", "completion"), report.Trend.Select(p => p.CompletionRate), Colors.SteelBlue);
        Line(t("序时进度", "pace"), report.Trend.Select(p => (decimal?)p.Pace), Colors.Gray);
        Line(t("开工率", "new-start rate"), report.Trend.Select(p => p.StartRate), Colors.DarkOrange);
        plot.Axes.Bottom.SetTicks(x, report.Trend.Select(p => p.Week[5..]).ToArray());
        plot.ShowLegend(Alignment.UpperLeft);
        return plot.GetImageBytes(640, 320, ImageFormat.Png);
    }

    internal static Plot NewPlot(string title)
    {
        var plot = new Plot();
        if (ChineseFont.Value is { } font)
        {
            plot.Font.Set(font);
        }

        plot.Title(title);
        return plot;
    }
}
