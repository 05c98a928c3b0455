namespace ApprovalWatch.Domain.Operations;

/// <summary>
/// Everything that went wrong and is not mended yet, for the operator: messages in a poison queue, mail
/// that failed or whose delivery is uncertain, working days without a scan, files refused, ingestions that
/// stopped before their receipt. Empty when all is well.
/// </summary>
public sealed record OperatorReport(DateOnly Date)
{
    public IReadOnlyList<PoisonedQueue> Poisoned { get; init; } = [];

    public IReadOnlyList<DeliveryProblem> Deliveries { get; init; } = [];

    public IReadOnlyList<DateOnly> MissedScans { get; init; } = [];

    public IReadOnlyList<RefusedFile> RefusedFiles { get; init; } = [];

    public IReadOnlyList<StalledIngestion> StalledIngestions { get; init; } = [];

    /// <summary>Configuration files refused (the escalation ladder, the digest templates), each with the reason.</summary>
    public IReadOnlyList<string> RefusedConfiguration { get; init; } = [];

    /// <summary>People away today whom nobody can stand in for (AB角 gap): their lines stay theirs.</summary>
    public IReadOnlyList<UncoveredAbsence> Uncovered { get; init; } = [];

    /// <summary>Mail waiting for a retry: the backlog, each with how long it has waited.</summary>
    public IReadOnlyList<WaitingMail> Waiting { get; init; } = [];

    /// <summary>Calendars whose year (this one, or next from the warning day) is reckoned: its holiday notice is to be loaded.</summary>
    public IReadOnlyList<Calendar.ProvisionalYear> ProvisionalCalendars { get; init; } = [];

    public bool IsEmpty =>
        Poisoned.Count == 0
        && Deliveries.Count == 0
        && MissedScans.Count == 0
        && RefusedFiles.Count == 0
        && StalledIngestions.Count == 0
        && RefusedConfiguration.Count == 0
        && Waiting.Count == 0
        && Uncovered.Count == 0
        && ProvisionalCalendars.Count == 0;

    public int Problems =>
        Poisoned.Sum(p => p.Count)
        + Deliveries.Count
        + MissedScans.Count
        + RefusedFiles.Count
        + StalledIngestions.Count
        + RefusedConfiguration.Count
        + Waiting.Count
        + Uncovered.Count
        + ProvisionalCalendars.Count;
}
