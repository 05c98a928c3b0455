namespace ApprovalWatch.Cli.Local;

/// <summary>A clock stopped at one instant: for dry runs and back-fills "as of" a past day, and for tests.</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
}
