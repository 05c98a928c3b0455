using ApprovalWatch.Domain.Catalogue;
using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Domain.Receipts;
using ApprovalWatch.Domain.Text;
using ApprovalWatch.Domain.Weekly;
using ApprovalWatch.Pipeline.Scanning;
using ApprovalWatch.Presentation.Weekly;

namespace ApprovalWatch.Cli.Commands;

/// <summary>Prints what a run did, for people: procedures by department and flag, receipts, digests.</summary>
public static class Summary
{
    private static readonly Flag[] Columns = [Flag.Green, Flag.Yellow, Flag.Red, Flag.Paused, Flag.Finished];

    public static void Receipts(TextWriter output, IEnumerable<Receipt> receipts)
    {
        output.WriteLine("Submissions:");
        foreach (var r in receipts.OrderBy(r => r.File, StringComparer.Ordinal))
        {
            output.WriteLine(r.Status == Receipt.AppliedStatus
                ? $"  {r.File,-36} {r.Rows,5} rows: {r.Applied} applied, {r.Unchanged} unchanged, {r.Stale} stale, {r.Rejected} rejected  [{r.Format}]"
                : $"  {r.File,-36} {r.Status}: {r.Message}");
            foreach (var error in r.Errors)
            {
                output.WriteLine($"      line {error.Line}, {error.Column}: {error.Reason} [{error.Value}]");
            }
        }
    }

    public static void WeeklyReport(TextWriter output, WeeklyReport report)
    {
        var h = report.Headline;
        output.WriteLine(
            $"Weekly report {report.Week} (as of {IsoDate.Format(report.AsOf)}): {h.Projects} projects, planned {WeeklyView.Yi(h.PlannedWan)} 亿元, "
                + $"completed {WeeklyView.Yi(h.CompletedWan)} 亿元 ({WeeklyView.Pct(h.CompletionRate)}; pace {WeeklyView.Pct(h.Pace)}, "
                + $"{h.GapPoints:+0.00;-0.00} points)"
        );
        output.WriteLine(
            $"  new starts {report.Starts.Started} of {report.Starts.PlannedByNow} planned ({WeeklyView.Pct(report.Starts.StartRate)}); reserve "
                + $"converted {report.Starts.Converted} of {report.Starts.ReserveAtYearStart} ({WeeklyView.Pct(report.Starts.ConversionRate)}); "
                + $"problems open {report.Problems.Open}, overdue {report.Problems.Overdue}; lights {report.Count(WeeklyCalculator.Red)} red, "
                + $"{report.Count(WeeklyCalculator.Yellow)} yellow, {report.Count(WeeklyCalculator.Green)} green"
        );
    }

    public static void Scan(TextWriter output, ScanResult scan)
    {
        if (scan.Skipped is not null)
        {
            output.WriteLine($"Scan: {scan.Skipped}; nothing flagged, nothing sent.");
            return;
        }

        output.WriteLine($"Procedures as of {IsoDate.Format(scan.Date)} (Beijing time), measured in {scan.Shards} shard(s):");
        output.WriteLine($"  {"department",-22}" + string.Concat(Columns.Select(c => $"{c.ToString().ToLowerInvariant(),10}")));
        foreach (var (department, counts) in scan.Counts.Flags.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var name = Department.Find(department)?.EnglishName ?? department;
            output.WriteLine($"  {name,-22}" + string.Concat(Columns.Select(c => $"{counts.GetValueOrDefault(c),10}")));
        }

        output.WriteLine($"  {"all", -22}" + string.Concat(Columns.Select(c => $"{scan.Count(c), 10}")));
        output.WriteLine(
            $"  paused (clock stopped): {scan.Count(Flag.Paused)}; extended: {scan.Counts.Extended}; past the statutory limit: "
                + $"{scan.Counts.PastStatutory}; finished late: {scan.Counts.FinishedLate}"
        );
        output.WriteLine("Projects against their whole-process and stage limits:");
        foreach (var (scope, counts) in scan.Counts.ProjectFlags.OrderBy(f => f.Key == ProjectMeasure.WholeProcess ? "" : f.Key, StringComparer.Ordinal))
        {
            var name = scope == ProjectMeasure.WholeProcess ? "whole process" : scope;
            output.WriteLine(
                $"  {name, -22}"
                    + string.Concat(
                        Columns.Where(c => c != Flag.Paused).Select(c => $"{counts.GetValueOrDefault(c), 10} {c.ToString().ToLowerInvariant()}")
                    )
            );
        }
        foreach (var error in scan.Counts.Errors)
        {
            output.WriteLine($"  not measured: {error}");
        }
    }

    public static void Digests(TextWriter output, ScanResult scan)
    {
        output.WriteLine(
            $"Digests for {IsoDate.Format(scan.Date)}: {scan.Digests.Count} "
                + $"recipient(s){(scan.DayOff > 0 ? $", {scan.DayOff} on a day off in their calendar" : "")}"
        );
        foreach (var digest in scan.Digests)
        {
            var sections = string.Join(", ", digest.Sections.Select(s => $"{s.Reason} {s.Lines}"));
            output.WriteLine($"  {digest.RecipientName} <{digest.RecipientEmail}>: {digest.Red} overdue, {digest.Yellow} due soon ({sections})");
        }
    }
}
