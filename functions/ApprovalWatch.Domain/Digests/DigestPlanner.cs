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
            if (line.IsProject)
            {
                AddAll(line.HoldingDepartments.SelectMany(d => staff.WithRole(Role.Leader, d)).Distinct(), DigestReason.ProjectAtRisk, line);
                AddAll(staff.WithRole(Role.Coordinator), DigestReason.ProjectAtRisk, line);
                continue;
            }

            Add(line.HandlerEmail, DigestReason.Handler, line);
            var level = Level(line, ladder);
            if (level >= 2)
            {
                AddAll(staff.WithRole(Role.Head, line.Department), DigestReason.DepartmentHead, line);
            }

            if (level >= 3)
            {
                AddAll(staff.WithRole(Role.Leader, line.Department), DigestReason.LeaderInCharge, line);
                AddAll(staff.WithRole(Role.Coordinator), DigestReason.Coordinator, line);
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

    /// <summary>
    /// The rung of the ladder a procedure has reached: 1 the handler, 2 the department head, 3 the leader in
    /// charge and the coordinator, 4 the weekly report. Past the statutory limit it climbs one rung higher.
    /// </summary>
    public static int Level(DigestLine line, EscalationLadder ladder)
    {
        if (line.Flag != Flag.Red)
        {
            return 1;
        }

        var overdue = line.OverdueWorkingDays;
        var level = overdue >= ladder.ReportAfterOverdueDays ? 4
            : overdue >= ladder.LeaderAfterOverdueDays ? 3
            : overdue >= ladder.HeadAfterOverdueDays ? 2
            : 1;
        return line.PastStatutory ? Math.Min(4, level + 1) : level;
    }

    private static List<DigestLine> MostUrgentFirst(IEnumerable<DigestLine> lines) =>
        lines.OrderBy(l => l.WorkingDaysLeft).ThenBy(l => l.ProjectCode, StringComparer.Ordinal).ThenBy(l => l.ProcedureCode, StringComparer.Ordinal).ToList();
}
