using ApprovalWatch.Deadlines;
using ApprovalWatch.Staff;

namespace ApprovalWatch.Digests;

/// <summary>Turns the flagged procedures and projects of a day into one digest per recipient, up the escalation ladder.</summary>
public static class DigestPlanner
{
    public static IReadOnlyList<Digest> Plan(DateOnly date, IEnumerable<DigestLine> lines, StaffDirectory staff, EscalationLadder ladder)
    {
        var byRecipient = new Dictionary<string, Dictionary<DigestReason, List<DigestLine>>>(StringComparer.OrdinalIgnoreCase);

        void Add(string email, DigestReason reason, DigestLine line)
        {
            if (!byRecipient.TryGetValue(email, out var sections))
            {
                byRecipient[email] = sections = [];
            }

            if (!sections.TryGetValue(reason, out var list))
            {
                sections[reason] = list = [];
            }

            list.Add(line);
        }

        void AddAll(IEnumerable<Person> people, DigestReason reason, DigestLine line)
        {
            foreach (var person in people)
            {
                Add(person.Email, reason, line);
            }
        }

        foreach (var line in lines.Where(l => l.Flag is Flag.Yellow or Flag.Red))
        {
            switch (line)
            {
                case ProjectLine project:
                    AddAll(project.HoldingDepartments.SelectMany(d => staff.WithRole(Role.Leader, d)).Distinct(), DigestReason.ProjectAtRisk, line);
                    AddAll(staff.WithRole(Role.Coordinator), DigestReason.ProjectAtRisk, line);
                    break;
                case ProcedureLine procedure:
                    Add(procedure.HandlerEmail, DigestReason.Handler, line);
                    var rung = ladder.RungOf(procedure);
                    if (rung >= EscalationRung.DepartmentHead)
                    {
                        AddAll(staff.WithRole(Role.Head, procedure.Department), DigestReason.DepartmentHead, line);
                    }

                    if (rung >= EscalationRung.LeaderAndCoordinator)
                    {
                        AddAll(staff.WithRole(Role.Leader, procedure.Department), DigestReason.LeaderInCharge, line);
                        AddAll(staff.WithRole(Role.Coordinator), DigestReason.Coordinator, line);
                    }

                    break;
            }
        }

        return byRecipient
            .OrderBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => new Digest(
                date,
                r.Key.ToLowerInvariant(),
                staff.Find(r.Key)?.Name ?? r.Key,
                r.Value.OrderBy(s => s.Key).Select(s => new DigestSection(s.Key, MostUrgentFirst(s.Value))).ToList()))
            .ToList();
    }

    /// <summary>True when a line of the digest has reached the weekly-report rung.</summary>
    public static bool IsCritical(Digest digest, EscalationLadder ladder) =>
        digest.Lines.Any(l => ladder.RungOf(l) == EscalationRung.WeeklyReport);

    private static List<DigestLine> MostUrgentFirst(IEnumerable<DigestLine> lines) =>
        lines.OrderBy(l => l.WorkingDaysLeft).ThenBy(l => l.ProjectCode, StringComparer.Ordinal).ThenBy(l => l.ItemCode, StringComparer.Ordinal).ToList();
}
