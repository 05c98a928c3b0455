namespace ApprovalWatch.Domain.Deadlines;

public static class Flags
{
    /// <summary>The flag as stored and shown in data: <c>green</c>, <c>yellow</c>, <c>red</c>, <c>paused</c>, <c>finished</c>.</summary>
    public static string Code(this Flag flag) => flag.ToString().ToLowerInvariant();

    /// <summary>
    /// The one flag rule, for procedures, projects and problems alike: red past the due date, yellow within the warning
    /// window or due today, green before it.
    /// </summary>
    public static Flag For(int workingDaysLeft, int warningWorkingDays) =>
        workingDaysLeft < 0 ? Flag.Red : workingDaysLeft <= warningWorkingDays ? Flag.Yellow : Flag.Green;

    /// <summary>A stored flag; null when none was stored or it is not one.</summary>
    public static Flag? Parse(string? code) => Enum.TryParse<Flag>(code, ignoreCase: true, out var flag) ? flag : null;
}
