namespace ApprovalWatch.Domain.Notices;

/// <summary>
/// One item of a supervision notice — a procedure or a problem — with what makes it late (its limit, the law, the days
/// late), the project's leader (包联领导), and its own reply: replied once, sent back to be redone, or back among the
/// unanswered when its promise passed undone; moved with its problem or procedure to another department.
/// </summary>
public sealed record NoticeItem
{
    /// <summary>What it is about, once per line and rung: <c>{project}|{item}|{rung}</c>.</summary>
    public required string Key { get; init; }

    /// <summary>The digest line's item code (a procedure code, or <c>problem|{id}</c>).</summary>
    public required string ItemCode { get; init; }

    public required string ProjectCode { get; init; }

    public required string ProjectName { get; init; }

    /// <summary>The project's leader in charge (包联领导), named as such; none for an item of no registered project.</summary>
    public string? ProjectLeaderName { get; init; }

    /// <summary>The procedure's or problem's name, in Chinese and English.</summary>
    public required string ItemChinese { get; init; }

    public required string ItemEnglish { get; init; }

    public required bool IsProblem { get; init; }

    public string? HandlerName { get; init; }

    public required DateOnly StartedOn { get; init; }

    public required DateOnly DueOn { get; init; }

    /// <summary>The working days given (the promised limit of a procedure; a problem's days to its due date).</summary>
    public required int LimitDays { get; init; }

    /// <summary>The statutory limit (法定时限) of a procedure; 0 for a problem.</summary>
    public int StatutoryDays { get; init; }

    /// <summary>The statutory limit is in days (日), not working days.</summary>
    public bool StatutoryInDays { get; init; }

    /// <summary>The day the law's limit ends; a promise past it needs a reason. None for a problem or an item with no statutory limit.</summary>
    public DateOnly? StatutoryDueOn { get; init; }

    /// <summary>What the item is in law; a service or an owner's act is held to its promised limit, no licensing law.</summary>
    public Catalogue.ProcedureKind Kind { get; init; } = Catalogue.ProcedureKind.Licence;

    /// <summary>The law or rule that sets the limit (catalogue's <c>basis</c>); empty when not given.</summary>
    public string Basis { get; init; } = "";

    public required int OverdueWorkingDays { get; init; }

    /// <summary>Its due date or days late pass a year whose holiday notice is not loaded: reckoned (暂定).</summary>
    public bool Provisional { get; init; }

    public NoticeReply? Reply { get; init; }

    /// <summary>Its own reply deadline once a reply was sent back or a promise passed; null: the notice's.</summary>
    public DateOnly? ReplyBy { get; init; }

    /// <summary>The day its missing reply was taken to the leader in charge (cleared when it is back among the unanswered).</summary>
    public DateOnly? ClimbedOn { get; init; }

    /// <summary>Replies that no longer stand, oldest first.</summary>
    public IReadOnlyList<NoticeSentBack> SentBack { get; init; } = [];

    /// <summary>The department its problem or procedure moved to, and when; the item then waits on that department's notice.</summary>
    public string? MovedTo { get; init; }

    public DateOnly? MovedOn { get; init; }

    /// <summary>Where the item stands apart from its rung: the same procedure or problem of the same project.</summary>
    public string Identity => $"{ProjectCode}|{ItemCode}";

    public DateOnly ReplyDeadline(SupervisionNotice notice) => ReplyBy ?? notice.ReplyBy;

    /// <summary>Its reply sent back to be redone, to be answered again within <paramref name="replyBy"/>.</summary>
    public NoticeItem Returned(string by, DateOnly on, string reason, DateOnly replyBy) =>
        this with { SentBack = [.. SentBack, new NoticeSentBack(Reply!, on, by, reason)], Reply = null, ReplyBy = replyBy, ClimbedOn = null };

    /// <summary>Its promise passed with the item still late: back among the unanswered, past its deadline at once (it climbs).</summary>
    public NoticeItem PromiseBroken(DateOnly on) =>
        this with { SentBack = [.. SentBack, new NoticeSentBack(Reply!, on, "", "")], Reply = null, ReplyBy = Reply!.PromisedOn, ClimbedOn = null };
}
