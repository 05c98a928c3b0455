namespace ApprovalWatch.Domain.Calendar;

/// <summary>How an official notice changes a date against the Monday–Friday rule.</summary>
public enum DayKind
{
    /// <summary>A day off (放假), even if it falls on a weekday.</summary>
    Holiday,

    /// <summary>A swapped working day (调休上班), even if it falls on a weekend.</summary>
    WorkingDay,
}
