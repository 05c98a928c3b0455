namespace ApprovalWatch.Domain.Notices;

/// <summary>
/// A numbered supervision notice (督办单) to a department: one a day at most, listing every item that reached the notice
/// rule that day (<see cref="Items"/>), each with its limit, law and days late and its own reply (回告); by when to reply,
/// who received it (the department's head or whoever stands in, the department's leader in charge in copy).
/// </summary>
public sealed record SupervisionNotice
{
    public required string Number { get; init; }

    public required int Year { get; init; }

    public required int Sequence { get; init; }

    public required DateOnly IssuedOn { get; init; }

    /// <summary>Who issues it (<see cref="NoticeSettings.Issuer"/>; <see cref="NoticeSettings.SelfIssuer"/> for the issuer's own items), as printed.</summary>
    public string Issuer { get; init; } = NoticeSettings.DefaultIssuer;

    /// <summary>Issued by a leader in charge or the coordinator on one item (一键督办): his name; empty when the scan issued it.</summary>
    public string IssuedBy { get; init; } = "";

    public required DateOnly ReplyBy { get; init; }

    public required string Department { get; init; }

    public required string HeadEmail { get; init; }

    public required string HeadName { get; init; }

    /// <summary>Whom the head stands in for when the notice went to a stand-in (代).</summary>
    public string? OnBehalfOf { get; init; }

    /// <summary>The leader in charge of the notified department (分管领导): in copy, and whom an unanswered item climbs to.</summary>
    public string? LeaderEmail { get; init; }

    public string? LeaderName { get; init; }

    public IReadOnlyList<string> Coordinators { get; init; } = [];

    public required IReadOnlyList<NoticeItem> Items { get; init; }

    /// <summary>Its reply date passes a year whose holiday notice is not loaded: reckoned (暂定).</summary>
    public bool ReplyByProvisional { get; init; }

    public bool Provisional => ReplyByProvisional || Items.Any(i => i.Provisional);

    /// <summary>The items still this department's: not moved to another with their problem or procedure.</summary>
    public IEnumerable<NoticeItem> Open => Items.Where(i => i.MovedTo is null);

    public NoticeState StateOn(DateOnly today)
    {
        var open = Open.ToList();
        if (open.Any(i => i.Reply is null && today > i.ReplyDeadline(this)))
        {
            return NoticeState.ReplyOverdue;
        }

        if (open.Any(i => i.Reply is null))
        {
            return NoticeState.AwaitingReply;
        }

        return open.All(i => i.Reply!.RepliedOn <= i.ReplyDeadline(this)) ? NoticeState.Replied : NoticeState.RepliedLate;
    }

    /// <summary>Its items without a reply past their deadline, not yet taken to the leader in charge.</summary>
    public IReadOnlyList<NoticeItem> ClimbingOn(DateOnly today) =>
        [.. Open.Where(i => i.Reply is null && today > i.ReplyDeadline(this) && i.ClimbedOn is null)];

    /// <summary>What it is about in a few words: its one item, or the first and how many more.</summary>
    public string Subject(bool chinese)
    {
        var first = Items[0];
        var one = chinese ? $"{first.ProjectName} {first.ItemChinese}" : $"{first.ProjectName} {first.ItemEnglish}";
        return Items.Count == 1 ? one : chinese ? $"{one} 等 {Items.Count} 项" : $"{one} and {Items.Count - 1} more";
    }

    /// <summary>
    /// Who receives it when it is issued, each once: its head (or the stand-in named when it was issued) to reply, then the
    /// leader in charge and the coordinators in copy.
    /// </summary>
    public IEnumerable<(string Email, bool Copy)> Recipients() =>
        new[] { (HeadEmail, false) }
            .Concat(new[] { LeaderEmail }.Concat(Coordinators).OfType<string>().Select(c => (c, true)))
            .DistinctBy(r => r.Item1, StringComparer.OrdinalIgnoreCase);

    /// <summary>Who an unanswered item is taken to: the department's leader in charge, else the coordinators.</summary>
    public IReadOnlyList<string> ClimbsTo() => LeaderEmail is { } leader ? [leader] : Coordinators;

    /// <summary>The notice as it stood at the end of a day: replies, climbs and moves after it not yet made.</summary>
    public SupervisionNotice AsOn(DateOnly day) =>
        this with
        {
            Items =
            [
                .. Items.Select(i => i with
                {
                    Reply = i.Reply?.RepliedOn <= day ? i.Reply : null,
                    ClimbedOn = i.ClimbedOn <= day ? i.ClimbedOn : null,
                    MovedTo = i.MovedOn <= day ? i.MovedTo : null,
                    MovedOn = i.MovedOn <= day ? i.MovedOn : null,
                }),
            ],
        };

    public NoticeItem? Item(string key) => Items.FirstOrDefault(i => i.Key == key);

    /// <summary>The notice with one item replaced (matched by its key).</summary>
    public SupervisionNotice With(NoticeItem item) => this with { Items = [.. Items.Select(i => i.Key == item.Key ? item : i)] };
}

/// <summary>A department head's reply (回告): why it is late, what is being done, by when it will be done, and why that is past the law's limit.</summary>
public sealed record NoticeReply(string ByEmail, string ByName, DateOnly RepliedOn, string Reason, string Measures, DateOnly PromisedOn)
{
    /// <summary>Why the promised day is past the statutory due date; empty when it is not.</summary>
    public string ExceedReason { get; init; } = "";
}

/// <summary>A reply that no longer stands: sent back to be redone (退回重报) by <paramref name="By"/>, or a promise that passed undone (By empty).</summary>
public sealed record NoticeSentBack(NoticeReply Reply, DateOnly On, string By, string Reason);

public enum NoticeState
{
    AwaitingReply,
    Replied,
    RepliedLate,
    ReplyOverdue,
}
