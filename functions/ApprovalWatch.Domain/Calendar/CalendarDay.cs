namespace ApprovalWatch.Domain.Calendar;

/// <summary>
/// One date of a notice that differs from the Monday–Friday rule; <paramref name="Overrides"/> is what a layer
/// underneath said of the same date when this layer says otherwise (e.g. a national make-up working day that a
/// regional notice cancels).
/// </summary>
public sealed record CalendarDay(DateOnly Date, DayKind Kind, string Name, CalendarDay? Overrides = null);
