using System.Globalization;

namespace ApprovalWatch.Storage;

/// <summary>Calendar dates as stored in table properties, keys and blob names: <c>yyyy-MM-dd</c>.</summary>
public static class IsoDate
{
    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string? Format(DateOnly? date) => date is { } d ? Format(d) : null;

    public static DateOnly Parse(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly? ParseOptional(string? iso) => iso is null ? null : Parse(iso);
}
