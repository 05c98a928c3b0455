using ApprovalWatch.Domain.Digests;
using ApprovalWatch.Domain.Notices;
using ApprovalWatch.Domain.Reference;
using ApprovalWatch.Domain.Staff;

namespace ApprovalWatch.Domain.Scanning;

/// <summary>
/// The supervision notices a day's lines call for (<see cref="EscalationLadder.CallsForNotice"/>), before they have a
/// number: one per department, listing each of its lines as an item, to its head (or whoever stands in for him), with the
/// leader in charge of that department (分管领导) and the coordinators in copy, to reply within the settings' working days;
/// each item names its project's leader (包联领导). The issuer's own department's notice goes out under
/// <see cref="NoticeSettings.SelfIssuer"/>.
/// </summary>
public static class NoticeDrafts
{
    /// <summary>The key of a line's item: once per line and rung.</summary>
    public static string KeyOf(DigestLine line, EscalationLadder ladder) => $"{line.ProjectCode}|{line.ItemCode}|{ladder.RungOf(line)}";

    /// <summary>The department a line's notice goes to; empty for a line of no department.</summary>
    public static string DepartmentOf(DigestLine line) => line switch
    {
        ProcedureLine p => p.Department,
        ProblemLine p => p.Department,
        _ => "",
    };

    /// <param name="calls">The day's lines that call for a notice, with each one's project leader's address (or null).</param>
    /// <returns>One draft per department that has a head or a leader to receive it, its items in project and item order.</returns>
    public static IReadOnlyList<SupervisionNotice> For(
        IEnumerable<(DigestLine Line, string? ProjectLeader)> calls,
        ReferenceData reference,
        NoticeSettings settings,
        DateOnly today
    ) =>
        [
            .. calls
                .Where(c => reference.Ladder.CallsForNotice(c.Line) && DepartmentOf(c.Line).Length > 0)
                .GroupBy(c => DepartmentOf(c.Line), StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => Draft(g.Key, [.. g.Select(c => Item(c.Line, c.ProjectLeader, reference, today))], reference, settings, today))
                .OfType<SupervisionNotice>(),
        ];

    /// <summary>A notice to a department on the given items; null when it has no head and no leader to receive it.</summary>
    public static SupervisionNotice? Draft(
        string department,
        IReadOnlyList<NoticeItem> items,
        ReferenceData reference,
        NoticeSettings settings,
        DateOnly today
    )
    {
        var staff = reference.Staff;
        var head = staff.WithRole(Role.Head, department).FirstOrDefault() ?? staff.WithRole(Role.Leader, department).FirstOrDefault();
        if (head is null || items.Count == 0)
        {
            return null;
        }

        var standIn = StandIns.For(head.Email, staff, reference.Leave, today);
        var receiver = standIn is not null ? staff.Find(standIn) ?? head : head;
        var leader = staff.WithRole(Role.Leader, department).FirstOrDefault();
        var calendar = CalendarOf(head, reference);
        var replyBy = calendar.AddWorkingDays(today, settings.ReplyWithinWorkingDays);
        return new SupervisionNotice
        {
            Number = "",
            Year = today.Year,
            Sequence = 0,
            IssuedOn = today,
            Issuer = settings.IssuerFor(department),
            ReplyBy = replyBy,
            Department = department,
            HeadEmail = receiver.Email.ToLowerInvariant(),
            HeadName = receiver.Name,
            OnBehalfOf = standIn is not null ? head.Name : null,
            LeaderEmail = leader?.Email.ToLowerInvariant(),
            LeaderName = leader?.Name,
            Coordinators = [.. staff.WithRole(Role.Coordinator).Select(c => c.Email.ToLowerInvariant()).Order(StringComparer.Ordinal)],
            Items = [.. items.OrderBy(i => i.ProjectCode, StringComparer.Ordinal).ThenBy(i => i.ItemCode, StringComparer.Ordinal)],
            ReplyByProvisional = calendar.AnyProvisional(today, replyBy),
        };
    }

    /// <summary>The notified department's calendar: its head's (a reply date and a promise are working days on it).</summary>
    public static Calendar.WorkingCalendar CalendarOf(Person? head, ReferenceData reference) =>
        head?.Calendar is { Length: > 0 } name && reference.Calendars.Has(name) ? reference.Calendars.Get(name) : reference.Calendars.NationalCalendar;

    /// <summary>A line as a notice's item; a handler away that day is named with whoever stands in for him.</summary>
    public static NoticeItem Item(DigestLine line, string? projectLeader, ReferenceData reference, DateOnly today)
    {
        var entry = line is ProcedureLine procedure ? reference.Catalogue.Find(procedure.ProcedureCode) : null;
        return new NoticeItem
        {
            Key = KeyOf(line, reference.Ladder),
            ItemCode = line.ItemCode,
            ProjectCode = line.ProjectCode,
            ProjectName = line.ProjectName,
            ProjectLeaderName = projectLeader is { Length: > 0 } email ? reference.Staff.NameOf(email) : null,
            ItemChinese = line.ChineseName,
            ItemEnglish = line.EnglishName,
            IsProblem = line is ProblemLine,
            HandlerName = line is ProcedureLine { HandlerEmail: var handler } p
                ? reference.Staff.Find(handler) is null ? p.HandlerName : StandIns.NameOn(handler, reference.Staff, reference.Leave, today)
                : null,
            StartedOn = line.StartedOn,
            DueOn = line.DueOn,
            LimitDays = line.LimitDays,
            StatutoryDays = entry?.StatutoryDays ?? 0,
            StatutoryInDays = entry?.StatutoryInDays ?? false,
            StatutoryDueOn = (line as ProcedureLine)?.StatutoryDueOn,
            Kind = entry?.Kind ?? Catalogue.ProcedureKind.Licence,
            Basis = entry?.Basis ?? "",
            OverdueWorkingDays = line.OverdueWorkingDays,
            Provisional = line.Provisional,
        };
    }
}
