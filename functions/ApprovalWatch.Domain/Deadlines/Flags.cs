namespace ApprovalWatch.Deadlines;

public static class Flags
{
    /// <summary>The flag as stored and shown in data: <c>green</c>, <c>yellow</c>, <c>red</c>, <c>paused</c>, <c>finished</c>.</summary>
    public static string Code(this Flag flag) => flag.ToString().ToLowerInvariant();

    /// <summary>A stored flag; null when none was stored or it is not one.</summary>
    public static Flag? Parse(string? code) => Enum.TryParse<Flag>(code, ignoreCase: true, out var flag) ? flag : null;
}
