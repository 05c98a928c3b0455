namespace ApprovalWatch.Deadlines;

public static class Flags
{
    /// <summary>The flag as stored and shown in data: <c>green</c>, <c>yellow</c>, <c>red</c>, <c>paused</c>, <c>finished</c>.</summary>
    public static string Code(this Flag flag) => flag.ToString().ToLowerInvariant();
}
