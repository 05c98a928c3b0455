using System.Diagnostics;
using ApprovalWatch.Cli.Configuration;
using ApprovalWatch.Domain.Deadlines;

namespace ApprovalWatch.DevTools.Commands;

/// <summary>
/// Measures due-date evaluations per second on one core: a million procedures with a mix of pauses and
/// extensions, on the Xinjiang calendar of the samples. Prints figures; asserts nothing.
/// </summary>
public static class BenchCommand
{
    public static async Task<int> DueAsync(string? configPath, int count, TextWriter output)
    {
        var build = Stopwatch.StartNew();
        var calendars = await ConfigFolder.Find(configPath).CalendarsAsync();
        var calendar = calendars.Get("xinjiang");
        build.Stop();

        var random = new Random(1);
        var first = new DateOnly(2025, 1, 2);
        var accepted = new DateOnly[count];
        var limits = new int[count];
        var extensions = new int[count];
        var pauses = new Pause[count][];
        for (var i = 0; i < count; i++)
        {
            accepted[i] = first.AddDays(random.Next(540));
            limits[i] = random.Next(5, 31);
            extensions[i] = random.Next(10) == 0 ? 10 : 0;
            var start = accepted[i].AddDays(random.Next(1, 10));
            pauses[i] = random.Next(20) switch
            {
                < 10 => [],
                < 16 => [new Pause(start, start.AddDays(random.Next(1, 10)), "补正")],
                < 19 => [new Pause(start, start.AddDays(3), "补正"), new Pause(start.AddDays(random.Next(2, 8)), start.AddDays(12), "专家评审")],
                _ => [new Pause(start, null, "听证")],
            };
        }

        long checksum = 0;
        for (var i = 0; i < Math.Min(count, 100_000); i++)
        {
            checksum += Deadline.Compute(calendar, accepted[i], limits[i], pauses[i], extensions[i]).DueOn?.DayNumber ?? 0;
        }

        var run = Stopwatch.StartNew();
        checksum = 0;
        for (var i = 0; i < count; i++)
        {
            checksum += Deadline.Compute(calendar, accepted[i], limits[i], pauses[i], extensions[i]).DueOn?.DayNumber ?? 0;
        }

        run.Stop();
        var perSecond = count / run.Elapsed.TotalSeconds;
        output.WriteLine(
            $"calendar index ({calendar.Name}, {calendar.FirstYear}-{calendar.LastYear}) loaded and built in {build.Elapsed.TotalMilliseconds:0.0} ms"
        );
        output.WriteLine($"{count:N0} due dates (half with pauses, one in ten extended) in {run.Elapsed.TotalMilliseconds:0.0} ms on one core");
        output.WriteLine(
            $"{perSecond / 1e6:0.00} million evaluations/s ({1e9 / perSecond:0.0} ns each); target 5 million/s: "
                + $"{(perSecond >= 5e6 ? "met" : "NOT met")} [checksum {checksum}]"
        );
        return 0;
    }
}
