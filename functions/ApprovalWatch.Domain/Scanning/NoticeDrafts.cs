using ApprovalWatch.Domain.Digests;
using ApprovalWatch.Domain.Notices;
using ApprovalWatch.Domain.Reference;
using ApprovalWatch.Domain.Staff;

namespace ApprovalWatch.Domain.Scanning;

/// <summary>
/// The supervision notice a digest line calls for (<see cref="EscalationLadder.CallsForNotice"/>), before it has a
/// number: to the head of the line's department (or whoever stands in for him), the leader in charge of the project
/// (else of the department) and the coordinators in copy, to reply within the settings' working days.
/// </summary>
public static class NoticeDrafts
{
    /// <summary>The key of a line's notice: once per line and rung.</summary>
    public static string KeyOf(DigestLine line, EscalationLadder ladder) => $"{line.ProjectCode}|{line.ItemCode}|{ladder.RungOf(line)}";

    /// <returns>Null when the line calls for no notice, or its department has no head and no leader to receive one.</returns>
    public static SupervisionNotice? For(DigestLine line, ReferenceData reference, NoticeSettings settings, string? projectLeader, DateOnly today)
    {
        if (!reference.Ladder.CallsForNotice(line))
        {
            return null;
        }

        var (department, handler) = line switch
        {
            ProcedureLine p => (p.Department, p.HandlerName),
            ProblemLine p => (p.Department, (string?)null),
            _ => ("", null),
        };
        var staff = reference.Staff;
        var head = staff.WithRole(Role.Head, department).FirstOrDefault() ?? staff.WithRole(Role.Leader, department).FirstOrDefault();
        if (head is null)
        {
            return null;
        }

        var standIn = StandIns.For(head.Email, staff, reference.Leave, today);
        var receiver = standIn is not null ? staff.Find(standIn) ?? head : head;
        var leader = projectLeader is { Length: > 0 } email
            ? staff.Find(email) ?? new Person(email, email, "", Role.Leader)
            : staff.WithRole(Role.Leader, department).FirstOrDefault();
        var calendar = reference.Calendars.ForRegion(Submissions.ProjectCode.Region(line.ProjectCode));
        var entry = line is ProcedureLine procedure ? reference.Catalogue.Find(procedure.ProcedureCode) : null;
        var replyBy = calendar.AddWorkingDays(today, settings.ReplyWithinWorkingDays);
        return new SupervisionNotice
        {
            Number = "",
            Year = today.Year,
            Sequence = 0,
            Key = KeyOf(line, reference.Ladder),
            IssuedOn = today,
            Issuer = settings.Issuer,
            ReplyBy = replyBy,
            Department = department,
            HeadEmail = receiver.Email.ToLowerInvariant(),
            HeadName = receiver.Name,
            OnBehalfOf = standIn is not null ? head.Name : null,
            LeaderEmail = leader?.Email.ToLowerInvariant(),
            LeaderName = leader?.Name,
            Coordinators = [.. staff.WithRole(Role.Coordinator).Select(c => c.Email.ToLowerInvariant()).Order(StringComparer.Ordinal)],
            ProjectCode = line.ProjectCode,
            ProjectName = line.ProjectName,
            ItemChinese = line.ChineseName,
            ItemEnglish = line.EnglishName,
            IsProblem = line is ProblemLine,
            HandlerName = handler,
            StartedOn = line.StartedOn,
            DueOn = line.DueOn,
            LimitDays = line.LimitDays,
            StatutoryDays = entry?.StatutoryDays ?? 0,
            StatutoryInDays = entry?.StatutoryInDays ?? false,
            Kind = entry?.Kind ?? Catalogue.ProcedureKind.Licence,
            Basis = entry?.Basis ?? "",
            OverdueWorkingDays = line.OverdueWorkingDays,
            Provisional = line.Provisional || calendar.AnyProvisional(today, replyBy),
        };
    }
}
