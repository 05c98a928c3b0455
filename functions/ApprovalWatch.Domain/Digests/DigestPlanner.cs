using ApprovalWatch.Deadlines;
using ApprovalWatch.Staff;

namespace ApprovalWatch.Digests;

/// <summary>Turns the flagged procedures of a day into one digest per recipient, up the escalation ladder.</summary>
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

        foreach (var line in lines.Where(l => l.Flag is Flag.Yellow or Flag.Red))
        {
            Add(line.HandlerEmail, DigestReason.Handler, line);
            if (line.Flag != Flag.Red)
            {
                continue;
            }

            if (line.OverdueWorkingDays >= ladder.HeadAfterOverdueDays)
            {
                foreach (var head in staff.WithRole(Role.Head, line.Department))
                {
                    Add(head.Email, DigestReason.DepartmentHead, line);
                }
            }

            if (line.OverdueWorkingDays >= ladder.LeaderAfterOverdueDays)
            {
                foreach (var leader in staff.WithRole(Role.Leader, line.Department))
                {
                    Add(leader.Email, DigestReason.LeaderInCharge, line);
                }

                foreach (var coordinator in staff.WithRole(Role.Coordinator))
                {
                    Add(coordinator.Email, DigestReason.Coordinator, line);
                }
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

    private static List<DigestLine> MostUrgentFirst(IEnumerable<DigestLine> lines) =>
        lines.OrderBy(l => l.WorkingDaysLeft).ThenBy(l => l.ProjectCode, StringComparer.Ordinal).ThenBy(l => l.ProcedureCode, StringComparer.Ordinal).ToList();
}
