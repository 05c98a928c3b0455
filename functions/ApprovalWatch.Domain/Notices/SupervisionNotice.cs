namespace ApprovalWatch.Domain.Notices;

/// <summary>
/// A numbered supervision notice (督办单) to a department: what is late and since when, the limit and its legal basis,
/// what is required, by when to reply (回告), who received it, and the reply once given.
/// </summary>
public sealed record SupervisionNotice
{
    public required string Number { get; init; }

    public required int Year { get; init; }

    public required int Sequence { get; init; }

    /// <summary>What it is about, once per line and rung: <c>{project}|{item}|{rung}</c>.</summary>
    public required string Key { get; init; }

    public required DateOnly IssuedOn { get; init; }

    /// <summary>Who issues it (<see cref="NoticeSettings.Issuer"/>), as printed.</summary>
    public string Issuer { get; init; } = NoticeSettings.DefaultIssuer;

    public required DateOnly ReplyBy { get; init; }

    public required string Department { get; init; }

    public required string HeadEmail { get; init; }

    public required string HeadName { get; init; }

    /// <summary>Whom the head stands in for when the notice went to a stand-in (代).</summary>
    public string? OnBehalfOf { get; init; }

    public string? LeaderEmail { get; init; }

    public string? LeaderName { get; init; }

    public IReadOnlyList<string> Coordinators { get; init; } = [];

    public required string ProjectCode { get; init; }

    public required string ProjectName { get; init; }

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

    /// <summary>What the item is in law; a service or an owner's act is held to its promised limit, no licensing law.</summary>
    public Catalogue.ProcedureKind Kind { get; init; } = Catalogue.ProcedureKind.Licence;

    /// <summary>The law or rule that sets the limit (catalogue's <c>basis</c>); empty when not given.</summary>
    public string Basis { get; init; } = "";

    public required int OverdueWorkingDays { get; init; }

    /// <summary>Its due date, days late or reply date pass a year whose holiday notice is not loaded: reckoned (暂定).</summary>
    public bool Provisional { get; init; }

    public NoticeReply? Reply { get; init; }

    /// <summary>The day an unanswered notice was taken to the leader in charge.</summary>
    public DateOnly? ClimbedOn { get; init; }

    public NoticeState StateOn(DateOnly today) => Reply is { } reply
        ? reply.RepliedOn <= ReplyBy ? NoticeState.Replied : NoticeState.RepliedLate
        : today > ReplyBy ? NoticeState.ReplyOverdue : NoticeState.AwaitingReply;

    /// <summary>No reply, past its deadline, not yet taken to the leader in charge.</summary>
    /// <summary>
    /// Who receives it when it is issued, each once: its head (or the stand-in named when it was issued) to reply, then the
    /// leader in charge and the coordinators in copy.
    /// </summary>
    public IEnumerable<(string Email, bool Copy)> Recipients() =>
        new[] { (HeadEmail, false) }
            .Concat(new[] { LeaderEmail }.Concat(Coordinators).OfType<string>().Select(c => (c, true)))
            .DistinctBy(r => r.Item1, StringComparer.OrdinalIgnoreCase);

    /// <summary>Who an unanswered notice is taken to: the leader in charge, else the coordinators.</summary>
    public IReadOnlyList<string> ClimbsTo() => LeaderEmail is { } leader ? [leader] : Coordinators;

    public bool ClimbsOn(DateOnly today) => Reply is null && today > ReplyBy && ClimbedOn is null;
}

/// <summary>A department head's reply (回告): why it is late, what is being done, and by when it will be done.</summary>
public sealed record NoticeReply(string ByEmail, string ByName, DateOnly RepliedOn, string Reason, string Measures, DateOnly PromisedOn);

public enum NoticeState
{
    AwaitingReply,
    Replied,
    RepliedLate,
    ReplyOverdue,
}
