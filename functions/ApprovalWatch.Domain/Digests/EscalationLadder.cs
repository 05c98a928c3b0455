namespace ApprovalWatch.Digests;

/// <summary>
/// Who hears of a procedure, by its flag and how long it has been overdue (in working days). Yellow and
/// red always go to the handler.
/// </summary>
public sealed record EscalationLadder
{
    /// <summary>Yellow when due within this many working days (or today).</summary>
    public int WarningWorkingDays { get; init; } = 3;

    /// <summary>Red procedures go to the department head from this many working days overdue.</summary>
    public int HeadAfterOverdueDays { get; init; } = 1;

    /// <summary>And to the leader in charge and the development &amp; reform coordinator from this many.</summary>
    public int LeaderAfterOverdueDays { get; init; } = 5;

    /// <summary>And into the weekly report to the leadership from this many.</summary>
    public int ReportAfterOverdueDays { get; init; } = 10;
}
