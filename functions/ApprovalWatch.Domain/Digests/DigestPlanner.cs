using ApprovalWatch.Domain.Calendar;
using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Domain.Staff;

namespace ApprovalWatch.Domain.Digests;

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
    /// <param name="leaderOf">The leader in charge of a project as the register names him, or null: then the leaders of the departments concerned.</param>
    public static IEnumerable<RoutedLine> Route(DigestLine line, StaffDirectory staff, EscalationLadder ladder, Func<string, string?>? leaderOf = null)
    {
        IEnumerable<Person> Leaders(string project, IEnumerable<string> departments) =>
            leaderOf?.Invoke(project) is { Length: > 0 } email
                ? [staff.Find(email) ?? new Person(email, email, "", Role.Leader)]
                : departments.SelectMany(d => staff.WithRole(Role.Leader, d)).Distinct();

        if (line.Flag is not (Flag.Yellow or Flag.Red))
        {
            return [];
        }

        IEnumerable<(string Email, DigestReason Reason)> recipients = line switch
        {
            ProjectLine project => Leaders(project.ProjectCode, project.HoldingDepartments)
                .Concat(staff.WithRole(Role.Coordinator))
                .Select(p => (p.Email, DigestReason.ProjectAtRisk)),
            ProcedureLine { Reform: ReformClock.Tolerance } tolerance => [
                (tolerance.HandlerEmail, DigestReason.Handler),
                .. Leaders(tolerance.ProjectCode, [tolerance.Department]).Select(p => (p.Email, DigestReason.LeaderInCharge)),
            ],
            ProcedureLine { Reform: ReformClock.Commitment } commitment => [
                (commitment.HandlerEmail, DigestReason.Handler),
                .. staff.WithRole(Role.Head, commitment.Department).Select(p => (p.Email, DigestReason.DepartmentHead)),
            ],
            ProcedureLine { Reform: ReformClock.Deemed } deemed => staff
                .WithRole(Role.Head, deemed.Department)
                .Select(p => (p.Email, DigestReason.DepartmentHead)),
            ProcedureLine procedure => ProcedureRecipients(procedure, staff, ladder.RolesOf(procedure), Leaders(procedure.ProjectCode, [procedure.Department])),
            ProblemLine problem => ProblemRecipients(problem, staff, ladder.RolesOf(problem), Leaders(problem.ProjectCode, [problem.Department])),
            _ => [],
        };
        return recipients
            .Select(r => new RoutedLine(r.Email.ToLowerInvariant(), r.Reason, line))
            .DistinctBy(r => (r.To, r.Reason));
    }

    /// <summary>One recipient's digest from his routed lines: sections by reason, most urgent first, each at most <paramref
    /// name="maxLinesPerSection"/> long.</summary>
    public static Digest Compose(DateOnly date, string email, StaffDirectory staff, IEnumerable<RoutedLine> lines, int maxLinesPerSection = int.MaxValue)
    {
        var collector = new DigestCollector(maxLinesPerSection);
        foreach (var line in lines)
        {
            collector.Add(line with { To = email });
        }

        return collector.ToDigest(date, staff);
    }

    /// <summary>
    /// Whether a digest goes out on its day in its recipient's calendar: on his working days; on a day off only when asked
    /// (<paramref name="criticalOnDaysOff"/>) and a line of it has reached the weekly report's rung.
    /// </summary>
    public static bool IsSentOn(Digest digest, WorkingCalendar calendar, EscalationLadder ladder, bool criticalOnDaysOff) =>
        calendar.IsWorkingDay(digest.Date) || (criticalOnDaysOff && IsCritical(digest, ladder));

    /// <summary>True when a line of the digest has reached a rung that puts it into the weekly report.</summary>
    public static bool IsCritical(Digest digest, EscalationLadder ladder) =>
        digest.Lines.Any(l => ladder.RolesOf(l).Contains(EscalationRole.WeeklyReport));

    /// <summary>The people a problem's roles reach: its department's heads stand for the handler; a problem sent back, the coordinators alone.</summary>
    private static IEnumerable<(string, DigestReason)> ProblemRecipients(
        ProblemLine problem,
        StaffDirectory staff,
        IReadOnlySet<EscalationRole> roles,
        IEnumerable<Person> leaders
    )
    {
        if (problem.Returned)
        {
            // Sent back: the department has said it is not its own; the coordinator assigns it again.
            return staff.WithRole(Role.Coordinator).Select(person => (person.Email, DigestReason.Coordinator));
        }

        var people = new[]
        {
            (
                roles.Contains(EscalationRole.Handler) || roles.Contains(EscalationRole.Head),
                DigestReason.DepartmentHead,
                staff.WithRole(Role.Head, problem.Department)
            ),
            (roles.Contains(EscalationRole.Leader), DigestReason.LeaderInCharge, leaders),
            (roles.Contains(EscalationRole.Coordinator), DigestReason.Coordinator, staff.WithRole(Role.Coordinator)),
        };
        return people.Where(p => p.Item1).SelectMany(p => p.Item3.Select(person => (person.Email, p.Item2)));
    }

    /// <summary>
    /// The people a procedure's roles reach. A handler the directory does not know (or none) still gets the line
    /// when there is an address, and his department's heads get it too, so that no alert depends on a bad address.
    /// </summary>
    private static IEnumerable<(string, DigestReason)> ProcedureRecipients(
        ProcedureLine procedure,
        StaffDirectory staff,
        IReadOnlySet<EscalationRole> roles,
        IEnumerable<Person> leaders
    )
    {
        IEnumerable<Person> heads = staff.WithRole(Role.Head, procedure.Department).ToList();
        if (roles.Contains(EscalationRole.Handler))
        {
            if (procedure.HandlerEmail.Length > 0)
            {
                yield return (procedure.HandlerEmail, DigestReason.Handler);
            }

            if (staff.Find(procedure.HandlerEmail) is null)
            {
                foreach (var head in heads)
                {
                    yield return (head.Email, DigestReason.NoKnownHandler);
                }
            }
        }

        foreach (var (role, reason, people) in new[]
        {
            (EscalationRole.Head, DigestReason.DepartmentHead, heads),
            (EscalationRole.Leader, DigestReason.LeaderInCharge, leaders),
            (EscalationRole.Coordinator, DigestReason.Coordinator, staff.WithRole(Role.Coordinator)),
        })
        {
            if (roles.Contains(role))
            {
                foreach (var person in people)
                {
                    yield return (person.Email, reason);
                }
            }
        }
    }
}
