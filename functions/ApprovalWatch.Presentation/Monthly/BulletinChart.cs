using ApprovalWatch.Domain.Monthly;
using ApprovalWatch.Presentation.Weekly;
using ScottPlot;

namespace ApprovalWatch.Presentation.Monthly;

/// <summary>The bulletin's chart (ScottPlot, PNG): each ranked department's share finished on time, best first.</summary>
public static class BulletinChart
{
    public const string Name = "on-time.png";

    public static byte[] Render(EfficiencyBulletin bulletin, Func<string, string> departmentName)
    {
        var zh = WeeklyCharts.ChineseFont.Value is not null;
        var plot = WeeklyCharts.NewPlot(zh ? $"{bulletin.Month} 各部门按时办结率（%）" : $"{bulletin.Month} on-time rate by department (%)");
        var ranked = bulletin.Departments.Where(d => d.Rank > 0).ToList();
        plot.Add.Bars(ranked.Select((d, i) => new Bar
        {
            Position = i,
            Value = (double)((d.Figures.OnTimeRate ?? 0) * 100),
            FillColor = d.Figures.OnTimeRate >= 0.9m ? Colors.SeaGreen : d.Figures.OnTimeRate >= 0.7m ? Colors.Orange : Colors.IndianRed,
        }).ToList());
        // Department names, never the files' slugs: Chinese where a font can draw them, else English.
        var labels = ranked.Select(d => zh ? departmentName(d.Key) : Domain.Catalogue.Department.Find(d.Key)?.EnglishName ?? d.Key).ToArray();
        plot.Axes.Bottom.SetTicks(ranked.Select((_, i) => (double)i).ToArray(), labels);
        plot.Axes.SetLimitsY(0, 105);
        return plot.GetImageBytes(640, 320, ImageFormat.Png);
    }
}
