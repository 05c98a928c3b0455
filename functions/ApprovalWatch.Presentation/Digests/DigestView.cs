using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Domain.Digests;

namespace ApprovalWatch.Presentation.Digests;

/// <summary>
/// What a digest template sees, in the recipient's one language: the subject, a summary first (counts by state,
/// changes since the previous digest, the most urgent items), then each section's lines grouped for the role —
/// by project for a handler and a leader, by handler for a department head, by department for the coordinator
/// (with the rest of each department counted) — and what was resolved. Plain dictionaries and lists, so that
/// an operator's template reads <c>{{ summary.red }}</c> or <c>{% for group in section.groups %}</c>.
/// </summary>
public static class DigestView
{
    private const int WorstShown = 3;

    /// <param name="ack">The acknowledgement link of a line, when the board can take one.</param>
    public static Dictionary<string, object?> Of(Digest digest, DigestText text, Func<DigestLine, string?>? ack = null)
    {
        var lines = digest.DistinctLines.Order(DigestLine.MostUrgentFirst).ToList();
        var red = digest.TotalRed ?? lines.Count(l => l.Flag == Flag.Red);
        var yellow = digest.TotalYellow ?? lines.Count(l => l.Flag == Flag.Yellow);
        var changes = lines.GroupBy(digest.ChangeOf).ToDictionary(g => g.Key, g => g.Count());
        return new Dictionary<string, object?>
        {
            ["lang"] = Domain.Staff.Languages.Tag(text.Language),
            ["subject"] = text.Subject(digest.Date, red, yellow, lines.FirstOrDefault()),
            ["greeting"] = text.Greeting(digest.RecipientName),
            ["intro"] = text.Intro(digest.Date),
            ["notes"] = digest.Notes.Select(n => (object?)Reasons.Say(n, text.Language)).ToList(),
            ["labels"] = text.Labels.ToDictionary(l => l.Key, l => (object?)l.Value),
            ["summary"] = new Dictionary<string, object?>
            {
                ["red"] = red,
                ["yellow"] = yellow,
                ["new"] = changes.GetValueOrDefault(LineChange.New),
                ["worse"] = changes.GetValueOrDefault(LineChange.Worse),
                ["still_open"] = changes.GetValueOrDefault(LineChange.StillOpen),
                ["resolved"] = digest.Resolved.Count,
                ["worst"] = lines.Take(WorstShown).Select(l => Line(l, digest, text, ack)).ToList<object?>(),
            },
            ["sections"] = digest.Sections.Select(s => Section(s, digest, text, ack)).ToList<object?>(),
            ["resolved"] = digest.Resolved.Select(i => (object?)$"{text.Project(i.ProjectName, i.ProjectCode)} {text.Name(i)}").ToList(),
        };
    }

    private static Dictionary<string, object?> Section(DigestSection section, Digest digest, DigestText text, Func<DigestLine, string?>? ack)
    {
        Func<DigestLine, string> groupBy = section.Reason switch
        {
            DigestReason.DepartmentHead => l =>
                l switch
                {
                    ProcedureLine p => text.Handler(p.HandlerName, p.HandlerEmail),
                    ProblemLine p => text.Responsibility(p),
                    _ => "",
                },
            DigestReason.Coordinator => l =>
                l switch
                {
                    ProcedureLine p => text.DepartmentName(p.Department),
                    ProblemLine p => text.DepartmentName(p.Department),
                    _ => "",
                },
            _ => l => text.Project(l.ProjectName, l.ProjectCode),
        };
        // A section's lines are in urgency order already (DigestCollector); groups keep it.
        var groups = section.Lines
            .GroupBy(groupBy)
            .Select(g => new Dictionary<string, object?>
            {
                ["heading"] = g.Key,
                ["lines"] = g.Select(l => Line(l, digest, text, ack)).ToList<object?>(),
                ["others"] = section.Reason == DigestReason.Coordinator ? Others(g.ToList(), digest, text) : null,
            })
            .ToList<object?>();
        return new Dictionary<string, object?>
        {
            ["heading"] = text.Heading(section.Reason),
            ["groups"] = groups,
            ["more"] = section.MoreRed + section.MoreYellow > 0 ? text.More(section.MoreRed, section.MoreYellow) : null,
        };
    }

    /// <summary>For the coordinator: the department's open procedures not listed, counted.</summary>
    private static string? Others(IReadOnlyList<DigestLine> listed, Digest digest, DigestText text)
    {
        var department = (listed[0] as ProcedureLine)?.Department;
        var counts = digest.Departments.FirstOrDefault(d => d.Department == department);
        if (counts is null)
        {
            return null;
        }

        var red = counts.Red - listed.Count(l => l.Flag == Flag.Red);
        var yellow = counts.Yellow - listed.Count(l => l.Flag == Flag.Yellow);
        return red > 0 || yellow > 0 ? text.OthersInDepartment(red, yellow) : null;
    }

    private static Dictionary<string, object?> Line(DigestLine line, Digest digest, DigestText text, Func<DigestLine, string?>? ack)
    {
        var change = digest.ChangeOf(line);
        var link = ack?.Invoke(line);
        return new Dictionary<string, object?>
        {
            ["red"] = line.Flag == Flag.Red,
            ["state"] = text.State(line),
            ["change"] = text.Change(change),
            ["changed"] = change != LineChange.StillOpen,
            ["project"] = line.ProjectName,
            ["project_code"] = line.ProjectCode,
            ["item"] = text.Name(line),
            ["responsibility"] = text.Responsibility(line),
            ["limit"] = text.Limit(line),
            ["ack"] = link,
            ["ack_label"] = text.LinkLabel(line),
            // A problem's second link: the same signed page, opened on sending it back (退单).
            ["send_back"] = line is ProblemLine && link is not null ? link + "?return=1" : null,
            ["send_back_label"] = text.SendBackLabel,
        };
    }
}
