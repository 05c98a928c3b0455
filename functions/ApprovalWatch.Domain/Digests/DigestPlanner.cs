using ApprovalWatch.Deadlines;
using ApprovalWatch.Staff;

namespace ApprovalWatch.Digests;

/// <summary>
/// Turns the flagged procedures and projects of a day into one digest per recipient, up the escalation
/// ladder: each line is routed to its recipients on its own (<see cref="Route"/>), so that parts of a scan can
/// route their lines apart and the day's digests be composed from all of them (<see cref="Compose"/>).
/// </summary>
public static class DigestPlanner
{
    public static IReadOnlyList<Digest> Plan(DateOnly date, IEnumerable<DigestLine> lines, StaffDirectory staff, EscalationLadder ladder) =>
        lines.SelectMany(line => Route(line, staff, ladder))
            .GroupBy(r => r.To, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Compose(date, g.Key, staff, g))
            .ToList();

    /// <summary>The recipients of one line, each with the reason it reaches him; none for a green line.</summary>
    public static IEnumerable<RoutedLine> Route(DigestLine line, StaffDirectory staff, EscalationLadder ladder)
    {
        if (line.Flag is not (Flag.Yellow or Flag.Red))
        {
            return [];
        }

        IEnumerable<(string Email, DigestReason Reason)> recipients = line switch
        {
            ProjectLine project => project.HoldingDepartments.SelectMany(d => staff.WithRole(Role.Leader, d)).Distinct()
                .Concat(staff.WithRole(Role.Coordinator))
                .Select(p => (p.Email, DigestReason.ProjectAtRisk)),
            ProcedureLine procedure => ProcedureRecipients(procedure, staff, ladder.RungOf(procedure)),
            _ => [],
        };
        return recipients
            .Select(r => new RoutedLine(r.Email.ToLowerInvariant(), r.Reason, line))
            .DistinctBy(r => (r.To, r.Reason));
    }

    /// <summary>One recipient's digest from his routed lines: sections by reason, most urgent first.</summary>
    public static Digest Compose(DateOnly date, string email, StaffDirectory staff, IEnumerable<RoutedLine> lines) =>
        new(
            date,
            email.ToLowerInvariant(),
            staff.Find(email)?.Name ?? email,
            lines.GroupBy(l => l.Reason)
                .OrderBy(s => s.Key)
                .Select(s => new DigestSection(s.Key, MostUrgentFirst(s.Select(l => l.Line))))
                .ToList());

    /// <summary>True when a line of the digest has reached the weekly-report rung.</summary>
    public static bool IsCritical(Digest digest, EscalationLadder ladder) =>
        digest.Lines.Any(l => ladder.RungOf(l) == EscalationRung.WeeklyReport);

    private static IEnumerable<(string, DigestReason)> ProcedureRecipients(ProcedureLine procedure, StaffDirectory staff, EscalationRung rung)
    {
        yield return (procedure.HandlerEmail, DigestReason.Handler);
        if (rung >= EscalationRung.DepartmentHead)
        {
            foreach (var head in staff.WithRole(Role.Head, procedure.Department))
            {
                yield return (head.Email, DigestReason.DepartmentHead);
            }
        }

        if (rung >= EscalationRung.LeaderAndCoordinator)
        {
            foreach (var person in staff.WithRole(Role.Leader, procedure.Department))
            {
                yield return (person.Email, DigestReason.LeaderInCharge);
            }

            foreach (var person in staff.WithRole(Role.Coordinator))
            {
                yield return (person.Email, DigestReason.Coordinator);
            }
        }
    }

    private static List<DigestLine> MostUrgentFirst(IEnumerable<DigestLine> lines) =>
        lines.OrderBy(l => l.WorkingDaysLeft).ThenBy(l => l.ProjectCode, StringComparer.Ordinal).ThenBy(l => l.ItemCode, StringComparer.Ordinal).ToList();
}
