namespace ApprovalWatch.Domain.Calendar;

/// <summary>From a day of the year on, until the next rule: the morning and afternoon periods of one calendar.</summary>
public sealed record OfficeHoursRule(string Calendar, int Month, int Day, OfficePeriod Morning, OfficePeriod Afternoon);
