using System.Globalization;

namespace ApprovalWatch.Domain.Calendar;

/// <summary>An office period of a day, in Beijing time.</summary>
public sealed record OfficePeriod(TimeOnly Start, TimeOnly End)
{
    public static OfficePeriod Parse(string text) =>
        text.Split('-') is [var start, var end]
        && TimeOnly.TryParseExact(start.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var s)
        && TimeOnly.TryParseExact(end.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var e)
        && s < e
            ? new OfficePeriod(s, e)
            : throw new FormatException($"'{text}' is not an office period HH:mm-HH:mm.");

    public override string ToString() => $"{Start:HH\\:mm}-{End:HH\\:mm}";
}
