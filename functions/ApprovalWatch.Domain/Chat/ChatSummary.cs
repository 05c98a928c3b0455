namespace ApprovalWatch.Domain.Chat;

/// <summary>
/// What a department's group hears at office opening: its counts and its three most urgent procedures, by name only —
/// no address, no telephone, nothing of a person but his name.
/// </summary>
public sealed record ChatSummary(
    string Department,
    DateOnly Date,
    int Red,
    int Yellow,
    int OverdueProblems,
    int NoticesAwaitingReply,
    IReadOnlyList<UrgentItem> Urgent
)
{
    public const int UrgentShown = 3;
}

/// <summary>A procedure in a summary: its project, its name, who handles it (by name) and its working days left (negative: overdue).</summary>
public sealed record UrgentItem(string ProjectName, string Item, string HandlerName, int WorkingDaysLeft);
