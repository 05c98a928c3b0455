namespace ApprovalWatch.Domain.Deadlines;

/// <summary>
/// A period that the law does not count (补正, hearing, expert review, testing, public notice). Both
/// ends are inside the pause; an open pause has no end yet. A pause never ends before it starts.
/// </summary>
public sealed record Pause
{
    public Pause(DateOnly from, DateOnly? to, string reason)
    {
        if (to < from)
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, $"A pause cannot end ({to:O}) before it starts ({from:O}).");
        }

        (From, To, Reason) = (from, to, reason);
    }

    public DateOnly From { get; }

    public DateOnly? To { get; }

    public string Reason { get; }

    public bool IsOpen => To is null;

    public void Deconstruct(out DateOnly from, out DateOnly? to, out string reason) => (from, to, reason) = (From, To, Reason);
}
