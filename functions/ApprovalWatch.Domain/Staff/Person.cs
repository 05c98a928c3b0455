namespace ApprovalWatch.Domain.Staff;

/// <summary>
/// A person the pipeline writes to; <paramref name="Calendar"/> sets the days and office hours he is written
/// to, <paramref name="Language"/> the one language his mail is written in.
/// </summary>
public sealed record Person(string Email, string Name, string Department, Role Role, string Calendar = Calendar.CalendarSet.National, Language Language = Language.Chinese);
