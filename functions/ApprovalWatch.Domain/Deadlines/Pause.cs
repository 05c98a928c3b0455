namespace ApprovalWatch.Domain.Deadlines;

/// <summary>
/// A period that the law does not count (补正, hearing, expert review, testing, public notice). Both
/// ends are inside the pause; an open pause has no end yet.
/// </summary>
public sealed record Pause(DateOnly From, DateOnly? To, string Reason)
{
    public bool IsOpen => To is null;
}
