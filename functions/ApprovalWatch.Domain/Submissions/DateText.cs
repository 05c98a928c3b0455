using System.Globalization;
using System.Text.RegularExpressions;

namespace ApprovalWatch.Domain.Submissions;

/// <summary>
/// Reads the date shapes departments write: 2026-03-02, 2026/3/2, 2026.3.2, 2026年3月2日, 20260302, Excel
/// serial numbers, and any of these with a time of day after it (as Excel writes a date cell exported as
/// text, 2026-3-2 0:00:00), which a date ignores.
/// </summary>
public static partial class DateText
{
    public const string Shapes = "2026-03-02, 2026/3/2, 2026.3.2, 2026年3月2日, 20260302 or an Excel date";

    // Excel serial numbers of 1 January 1990 and 31 December 2100: five digits, never confused with yyyyMMdd.
    private const int FirstSerial = 32874;
    private const int LastSerial = 73415;

    public static bool TryParse(string text, out DateOnly date)
    {
        date = default;
        text = Text.CellText.Plain(text);
        // An Excel serial number, with a fraction when the cell held a time of day too.
        if (
            text.Length >= 5
            && text[5..].TrimStart('.').All(char.IsAsciiDigit)
            && (text.Length == 5 || text[5] == '.')
            && double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var serial)
            && serial is >= FirstSerial and < LastSerial + 1
        )
        {
            date = DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(serial)));
            return true;
        }

        var match = Shape().Match(text);
        if (!match.Success)
        {
            return false;
        }

        var year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
        var day = int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
        if (year < 1990 || year > 2100 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>A date, or a date and time (ISO 8601, Beijing time unless an offset is given).</summary>
    public static bool TryParseInstant(string text, TimeSpan defaultOffset, out DateTimeOffset instant)
    {
        text = Text.CellText.Plain(text);
        if (!TimeOfDay().IsMatch(text) && TryParse(text, out var date))
        {
            instant = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), defaultOffset);
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out instant) && HasOffset(text))
        {
            return true;
        }

        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var local))
        {
            instant = new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), defaultOffset);
            return instant.Year is >= 1990 and <= 2100;
        }

        return false;
    }

    private static bool HasOffset(string text) => text.TrimEnd().EndsWith('Z') || OffsetSuffix().IsMatch(text.Trim());

    // A year, then month and day as 2026-03-13, 2026/3/13, 2026.3.13, 2026年3月13日 or 20260313; an optional time of day.
    [GeneratedRegex(
        @"^(?<y>[0-9]{4})"
            + @"(?:(?:-(?<m>[0-9]{1,2})-(?<d>[0-9]{1,2}))|(?:/(?<m>[0-9]{1,2})/(?<d>[0-9]{1,2}))|(?:\.(?<m>[0-9]{1,2})\.(?<d>[0-9]{1,2}))"
            + @"|(?:年(?<m>[0-9]{1,2})月(?<d>[0-9]{1,2})日?)|(?<m>[0-9]{2})(?<d>[0-9]{2}))"
            + @"(?:[ T][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{1,7})?)?)?$"
    )]
    private static partial Regex Shape();

    [GeneratedRegex(@"[+-]\d{2}:?\d{2}$")]
    private static partial Regex OffsetSuffix();

    [GeneratedRegex(@"[ T][0-9]{1,2}:[0-9]{2}")]
    private static partial Regex TimeOfDay();
}
