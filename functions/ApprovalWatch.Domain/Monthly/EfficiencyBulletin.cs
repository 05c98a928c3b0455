using ApprovalWatch.Domain.Calendar;

namespace ApprovalWatch.Domain.Monthly;

/// <summary>
/// The monthly efficiency bulletin (效能通报): per department and per handler, how the month's procedures went, with ranks
/// and their change since last month's bulletin. <see cref="Month"/> is written <c>2026-03</c>.
/// </summary>
public sealed record EfficiencyBulletin(
    string Month,
    DateOnly From,
    DateOnly To,
    EfficiencyFigures Total,
    IReadOnlyList<RankedRow> Departments,
    IReadOnlyList<RankedRow> Handlers
)
{
    /// <summary>The fewest finished in the month for a rank (<see cref="MonthlyInputs.RankMinFinished"/>).</summary>
    public int RankMinFinished { get; init; } = 1;

    public const string Folder = "monthly/";

    /// <summary>The month's working days are reckoned: its year's holiday notice was not loaded when it was made (暂定).</summary>
    public bool Provisional { get; init; }

    public static string MonthOf(DateOnly date) => $"{date.Year:D4}-{date.Month:D2}";

    /// <summary>The month whose bulletin is due on a day: the month before, on the first working day of a month; else null.</summary>
    public static DateOnly? DueOn(DateOnly today, WorkingCalendar calendar) =>
        calendar.IsFirstWorkingDayOfMonth(today) ? new DateOnly(today.Year, today.Month, 1).AddMonths(-1) : null;
}

/// <summary>One department or handler, his figures, his rank (1 = best) and the change since last month (positive: up; null: not ranked then).</summary>
public sealed record RankedRow(string Key, string Name, string Department, EfficiencyFigures Figures, int Rank, int? RankChange);

/// <summary>
/// A month's figures. Finished: completed in the month; on time: not after the due date, early: before it. Working days
/// used: acceptance to completion, against acceptance to the due date (pauses and extensions in both). Yellow and red:
/// procedures that turned so in the month. Overdue working days: the month's working days past a due date, summed over
/// procedures. Acknowledgement: working days from a procedure's turning yellow or red to its acknowledgement, the median
/// of the month's. Notices: issued in the month, and of them answered by their deadline. Problems: signed for and closed
/// in the month.
/// </summary>
public sealed record EfficiencyFigures
{
    public int Finished { get; init; }

    public int OnTime { get; init; }

    public int Early { get; init; }

    public decimal? AverageUsedDays { get; init; }

    public decimal? AverageLimitDays { get; init; }

    public int Yellow { get; init; }

    public int Red { get; init; }

    public int OverdueWorkingDays { get; init; }

    public decimal? MedianAckWorkingDays { get; init; }

    public int NoticesReceived { get; init; }

    public int NoticesAnsweredOnTime { get; init; }

    /// <summary>Notices a leader in charge or the coordinator issued on one item (一键督办).</summary>
    public int NoticesFromLeaders { get; init; }

    /// <summary>Replies sent back to be redone (退回重报) in the month.</summary>
    public int RepliesSentBack { get; init; }

    public int ProblemsSigned { get; init; }

    public int ProblemsClosed { get; init; }

    /// <summary>Procedures accepted in the month only by law (视为受理, 行政许可法 第三十二条).</summary>
    public int DeemedAccepted { get; init; }

    /// <summary>Reform clocks (容缺受理's materials, 告知承诺制's verification) whose day fell in the month and passed undone.</summary>
    public int ReformClocksLate { get; init; }

    /// <summary>Finished on time of those finished; null when none finished.</summary>
    public decimal? OnTimeRate => Finished == 0 ? null : Math.Round((decimal)OnTime / Finished, 4);
}
