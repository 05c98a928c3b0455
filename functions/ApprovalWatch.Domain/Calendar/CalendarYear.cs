namespace ApprovalWatch.Domain.Calendar;

/// <summary>One year of one calendar layer, as published in one notice.</summary>
public sealed record CalendarYear(int Year, string Layer, string Source, IReadOnlyList<CalendarDay> Days);
