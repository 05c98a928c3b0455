namespace ApprovalWatch.Calendar;

/// <summary>How an official notice changes a date against the Monday–Friday rule.</summary>
public enum DayKind
{
    /// <summary>A day off (放假), even if it falls on a weekday.</summary>
    Holiday,

    /// <summary>A swapped working day (调休上班), even if it falls on a weekend.</summary>
    WorkingDay,
}

/// <summary>One date of a notice that differs from the Monday–Friday rule.</summary>
public sealed record CalendarDay(DateOnly Date, DayKind Kind, string Name);

/// <summary>One year of one calendar layer, as published in one notice.</summary>
public sealed record CalendarYear(int Year, string Layer, string Source, IReadOnlyList<CalendarDay> Days);
