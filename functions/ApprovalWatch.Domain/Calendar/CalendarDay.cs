namespace ApprovalWatch.Domain.Calendar;

/// <summary>One date of a notice that differs from the Monday–Friday rule.</summary>
public sealed record CalendarDay(DateOnly Date, DayKind Kind, string Name);
