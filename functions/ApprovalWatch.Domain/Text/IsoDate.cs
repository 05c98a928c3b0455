using System.Globalization;

namespace ApprovalWatch.Domain.Text;

/// <summary>
/// The one date format of the app: <c>yyyy-MM-dd</c>, as stored in table properties, keys and blob names and as
/// shown in mails, pages, receipts and reports (the standard form in Chinese official documents too).
/// </summary>
public static class IsoDate
{
    public const string Pattern = "yyyy-MM-dd";

    public static string Format(DateOnly date) => date.ToString(Pattern, CultureInfo.InvariantCulture);

    public static string? Format(DateOnly? date) => date is { } d ? Format(d) : null;

    /// <summary>The day of a moment, in the offset it is given in.</summary>
    public static string Format(DateTimeOffset moment) => moment.ToString(Pattern, CultureInfo.InvariantCulture);

    /// <summary>A day and the minute of a moment, in the offset it is given in (<c>2026-03-16 10:00</c>).</summary>
    public static string Minute(DateTimeOffset moment) => moment.ToString(Pattern + " HH:mm", CultureInfo.InvariantCulture);

    public static DateOnly Parse(string iso) => DateOnly.ParseExact(iso, Pattern, CultureInfo.InvariantCulture);

    public static DateOnly? ParseOptional(string? iso) => iso is null ? null : Parse(iso);

    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text ?? "", Pattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
