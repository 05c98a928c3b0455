using System.Diagnostics;
using System.IO.Compression;
using ApprovalWatch.Domain.Submissions;
using ApprovalWatch.Domain.Submissions.Files;
using ApprovalWatch.Testing;

namespace ApprovalWatch.DevTools.Commands;

/// <summary>
/// What reading a workbook costs in memory, within the limits and past them: a plain sheet, the same sheet with
/// unreferenced shared strings just under their cap (the worst a file that is read can be), and a small file whose
/// shared strings unpack far past it (refused before reading). Prints figures; asserts nothing.
/// </summary>
public static class BenchWorkbookCommand
{
    public static Task<int> RunAsync(int rows, TextWriter output)
    {
        var limits = SubmissionLimits.Default;
        var plain = Workbook(rows, sharedStringsBytes: 0);
        var heavy = Workbook(rows, sharedStringsBytes: limits.MaxSharedStringsBytes - 1024 * 1024);
        var bomb = Workbook(10, sharedStringsBytes: 200L * 1024 * 1024 - 64);
        output.WriteLine(
            $"limits: file {limits.MaxFileBytes / 1048576} MiB, shared strings {limits.MaxSharedStringsBytes / 1048576} MiB, "
                + $"a sheet {limits.MaxSheetBytes / 1048576} MiB, any other part {limits.MaxOtherPartBytes / 1048576} MiB, "
                + $"all parts {limits.MaxUncompressedBytes / 1048576} MiB, compression ≤ {limits.MaxCompressionRatio}×"
        );

                var (bombPeak, bombSaid) = Measure(bomb, limits);
        var (plainPeak, plainSaid) = Measure(plain, limits);
        var (heavyPeak, heavySaid) = Measure(heavy, limits);
        output.WriteLine($"over the cap ({bomb.Length / 1048576.0:0.0} MiB file, 200 MiB of shared strings): {bombSaid}, heap peak +{Mib(bombPeak)} MiB");
        output.WriteLine($"plain sheet ({plain.Length / 1048576.0:0.0} MiB file, {rows:N0} rows): {plainSaid}, heap peak +{Mib(plainPeak)} MiB");
        output.WriteLine(
            $"heavy workbook ({heavy.Length / 1048576.0:0.0} MiB file, the same sheet and {(limits.MaxSharedStringsBytes - 1048576) / 1048576} MiB of "
                + $"unreferenced shared strings): {heavySaid}, heap peak +{Mib(heavyPeak)} MiB = "
                + $"{heavyPeak / (double)Math.Max(1, plainPeak):0.0}× the plain sheet's"
        );
        return Task.FromResult(0);
    }

    private static string Mib(long bytes) => (bytes / 1048576.0).ToString("0", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The managed heap's peak over its size before (sampled every 5 ms; the working set only grows, so it cannot tell).</summary>
    private static (long Peak, string Said) Measure(byte[] workbook, SubmissionLimits limits)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var peak = before;
        using var stop = new CancellationTokenSource();
        var sampling = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
                await Task.Delay(5, CancellationToken.None);
            }
        });
        var clock = Stopwatch.StartNew();
        string said;
        try
        {
            var read = SubmissionReader.Open("bench.xlsx", new MemoryStream(workbook), limits).Rows.Count();
            said = $"read {read:N0} rows in {clock.Elapsed.TotalSeconds:0.00} s";
        }
        catch (UnreadableSubmissionException e)
        {
            said = $"refused in {clock.Elapsed.TotalMilliseconds:0} ms ({e.Reason.English()})";
        }

        peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
        stop.Cancel();
        sampling.GetAwaiter().GetResult();
        return (peak - before, said);
    }

    /// <summary>A department sheet of <paramref name="rows"/> rows, with unreferenced shared strings of about the given size added.</summary>
    private static byte[] Workbook(int rows, long sharedStringsBytes)
    {
        var sheet = new XlsxSheet("进度");
        sheet.Rows.Add(["project_code", "project_name", "procedure", "status", "accepted_on", "handler_email"]);
        for (var i = 0; i < rows; i++)
        {
            sheet.Rows.Add([$"2026-653001-48-01-{i:D6}", $"阿图什市重点项目第{i}号", "HC-01", "in_review", new DateOnly(2026, 3, 2), "zhang.wei@kizilsu.example.org"]);
        }

        using var file = new MemoryStream();
        XlsxWriter.Write(file, [sheet]);
        if (sharedStringsBytes > 0)
        {
            using var zip = new ZipArchive(file, ZipArchiveMode.Update, leaveOpen: true);
            using var strings = new StreamWriter(zip.CreateEntry("xl/sharedStrings.xml").Open());
            strings.Write("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
            for (long written = 0, i = 0; written < sharedStringsBytes; i++)
            {
                var item = $"<si><t>克州重点项目审批材料补正说明第{i}条</t></si>";
                strings.Write(item);
                written += System.Text.Encoding.UTF8.GetByteCount(item);
            }

            strings.Write("</sst>");
        }

        return file.ToArray();
    }
}
