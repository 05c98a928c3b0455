using System.Globalization;

namespace ApprovalWatch.Cli.LocalHost;

/// <summary>
/// An NCRONTAB schedule as the Functions timer trigger reads it — six fields: second minute hour
/// day-of-month month day-of-week — with <c>*</c>, <c>*/n</c>, <c>a-b</c>, <c>a-b/n</c> and lists. Times are UTC.
/// </summary>
public sealed class CronSchedule
{
    private readonly bool[][] _fields;

    private CronSchedule(string expression, bool[][] fields)
    {
        Expression = expression;
        _fields = fields;
    }

    public string Expression { get; }

    public static CronSchedule Parse(string expression)
    {
        var parts = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 6)
        {
            throw new FormatException($"'{expression}' is not a six-field NCRONTAB schedule (second minute hour day month day-of-week).");
        }

        (int Min, int Max)[] ranges = [(0, 59), (0, 59), (0, 23), (1, 31), (1, 12), (0, 6)];
        return new CronSchedule(expression, parts.Select((p, i) => Field(expression, p, ranges[i].Min, ranges[i].Max)).ToArray());
    }

    /// <summary>The first instant strictly after <paramref name="after"/> that the schedule names.</summary>
    public DateTimeOffset Next(DateTimeOffset after)
    {
        var t = after.UtcDateTime;
        t = new DateTime(t.Year, t.Month, t.Day, t.Hour, t.Minute, t.Second, DateTimeKind.Utc).AddSeconds(1);
        var limit = t.AddYears(5);
        while (t < limit)
        {
            if (!_fields[4][t.Month] || !_fields[3][t.Day] || !_fields[5][(int)t.DayOfWeek])
            {
                t = t.Date.AddDays(1);
            }
            else if (!_fields[2][t.Hour])
            {
                t = t.Date.AddHours(t.Hour + 1);
            }
            else if (!_fields[1][t.Minute])
            {
                t = t.Date.AddHours(t.Hour).AddMinutes(t.Minute + 1);
            }
            else if (!_fields[0][t.Second])
            {
                t = t.AddSeconds(1);
            }
            else
            {
                return new DateTimeOffset(t);
            }
        }

        throw new InvalidOperationException($"Schedule '{Expression}' names no time in the next five years.");
    }

    private static bool[] Field(string expression, string field, int min, int max)
    {
        var allowed = new bool[max + 1];
        foreach (var item in field.Split(','))
        {
            var (range, step) = item.Split('/') switch
            {
                [var r] => (r, 1),
                [var r, var s] when int.TryParse(s, CultureInfo.InvariantCulture, out var n) && n > 0 => (r, n),
                _ => throw new FormatException($"'{item}' in '{expression}' is not a valid step."),
            };
            var (from, to) = range switch
            {
                "*" => (min, max),
                _ when range.Split('-') is [var a, var b] => (Number(a), Number(b)),
                _ => (Number(range), step > 1 ? max : Number(range)),
            };
            if (from < min || to > max || from > to)
            {
                throw new FormatException($"'{item}' in '{expression}' is outside {min}-{max}.");
            }

            for (var v = from; v <= to; v += step)
            {
                allowed[v] = true;
            }
        }

        return allowed;

        int Number(string text) => int.TryParse(text, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new FormatException($"'{text}' in '{expression}' is not a number.");
    }
}
