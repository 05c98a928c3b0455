using System.Globalization;
using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Domain.Digests;
using ApprovalWatch.Domain.Staff;
using ApprovalWatch.Domain.Text;

namespace ApprovalWatch.Presentation.Digests;

/// <summary>How a digest reads in one language: headings, labels and a line's state, responsibility and time limit, in the words of <see
/// cref="Words"/>.</summary>
public sealed class DigestText
{
    private const string LabelPrefix = "digest.";

    public static readonly DigestText Chinese = new(Language.Chinese);
    public static readonly DigestText English = new(Language.English);

    private readonly Words _words;

    private DigestText(Language language)
    {
        Language = language;
        _words = Words.Of(language);
        Labels = new[]
        {
            "summary",
            "overdue",
            "due_soon",
            "new",
            "worse",
            "still_open",
            "resolved",
            "worst",
            "state",
            "change",
            "item",
            "responsibility",
            "accepted",
            "limit",
            "due",
            "resolved_heading",
            "note",
            "colon",
            "signature",
        }.ToDictionary(key => key, key => _words[LabelPrefix + key], StringComparer.Ordinal);
    }

    public static DigestText For(Language language) => language == Language.English ? English : Chinese;

    public Language Language { get; }

    /// <summary>The labels a template reads as <c>labels.*</c>.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; }

    /// <summary>The words of a line's acknowledgement link.</summary>
    public string AckLabel => _words["digest.ack_label"];

    /// <summary>The label of a line's link: a promise for a procedure, signing for (or sending back) a problem.</summary>
    public string LinkLabel(DigestLine line) => line is ProblemLine ? _words["digest.sign_label"] : AckLabel;

    public string SendBackLabel => _words["digest.send_back_label"];

    public string Greeting(string name) => _words.Format("digest.greeting", name);

    public string Intro(DateOnly date) =>
        _words.Format("digest.intro", date.Year, date.Month, date.Day, date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture));

    public string Subject(DateOnly date, int red, int yellow, DigestLine? worst) =>
        _words.Format("digest.subject", Iso(date), red, yellow)
        + (worst is null ? "" : _words.Format("digest.subject_worst", worst.ProjectName, Name(worst), State(worst)));

    public string Heading(DigestReason reason) => _words[$"digest.heading.{reason}"];

    public string State(DigestLine line) =>
        (
            line.Flag == Flag.Red ? Counted("digest.overdue_days", line.OverdueWorkingDays)
            : line.WorkingDaysLeft == 0 ? _words["digest.due_today"]
            : Counted("digest.days_left", line.WorkingDaysLeft)
        )
        + (
            line switch
            {
                ProcedureLine { AcknowledgedBy: { } by, PromisedOn: { } promised } p => _words.Format(
                    p.AckLapsed ? "digest.ack_lapsed" : "digest.ack_held",
                    by,
                    Iso(promised)
                ),
                ProblemLine { Returned: true } => _words["digest.problem_returned"],
                ProblemLine { SignatureLate: true } => _words["digest.problem_unsigned_late"],
                ProblemLine { AwaitsSignature: true } => _words["digest.problem_unsigned"],
                _ => "",
            }
        );

    public string Change(LineChange change) => _words[$"digest.change.{change}"];

    public string Responsibility(DigestLine line) =>
        line switch
        {
            ProcedureLine p => _words.Format("digest.responsibility.procedure", DepartmentName(p.Department), Handler(p.HandlerName, p.HandlerEmail)),
            ProjectLine p => _words.Format(
                "digest.responsibility.project",
                string.Join(_words["digest.list_separator"], p.HoldingDepartments.Select(DepartmentName))
            ),
            ProblemLine p => _words.Format("digest.responsibility.problem", DepartmentName(p.Department)),
            _ => throw new ArgumentOutOfRangeException(nameof(line)),
        };

    /// <summary>A handler by his name; his address only where the directory has no name for him.</summary>
    public string Handler(string name, string email) =>
        email.Length == 0 ? _words["digest.handler.none"] : name.Length == 0 ? email : name;

    public string Limit(DigestLine line)
    {
        var provisional = line.Provisional ? _words["digest.limit.provisional"] : "";
        if (line is not ProcedureLine p)
        {
            return _words.Format(line is ProblemLine ? "digest.limit.problem" : "digest.limit.project", Iso(line.StartedOn), line.LimitDays, Iso(line.DueOn))
                + provisional;
        }

        if (p.Reform == ReformClock.Deemed)
        {
            return _words.Format("digest.limit.deemed_today", Iso(p.StartedOn), p.LimitDays, Iso(p.DueOn));
        }

        if (p.Reform != ReformClock.None)
        {
            return _words.Format(p.Reform == ReformClock.Tolerance ? "digest.limit.tolerance" : "digest.limit.commitment", Iso(p.StartedOn), Iso(p.DueOn));
        }

        var limit = _words.Format(p.Deemed ? "digest.limit.deemed" : "digest.limit.procedure", Iso(p.StartedOn), p.LimitDays, Iso(p.DueOn));
        if (p.StatutoryDays > 0)
        {
            limit += _words.Format(p.StatutoryInDays ? "digest.limit.statutory_days" : "digest.limit.statutory", p.StatutoryDays)
                + (p.StatutoryDueOn is { } d ? _words.Format("digest.limit.statutory_due", Iso(d)) : "")
                + (p.PastStatutory ? _words["digest.limit.past_statutory"] : "");
        }

        limit += p.ExtensionDays > 0 ? _words.Format("digest.limit.extended", p.ExtensionDays) : "";
        return limit + (p.PausedWorkingDays > 0 ? _words.Format("digest.limit.paused", p.PausedWorkingDays) : "") + provisional;
    }

    public string OthersInDepartment(int red, int yellow) => _words.Format("digest.others", red, yellow);

    /// <summary>What a long section leaves out, after its most urgent lines.</summary>
    public string More(int red, int yellow) => _words.Format("digest.more", red, yellow);

    /// <summary>A project with its code, as a heading or in the resolved list.</summary>
    public string Project(string name, string code) => _words.Format("digest.project", name, code);

    public string Name(DigestLine line) => Language == Language.English ? line.EnglishName : line.ChineseName;

    public string Name(DigestItem item) => Language == Language.English ? item.EnglishName : item.ChineseName;

    public string DepartmentName(string id) => _words.Department(id);

    private string Counted(string key, int n) => _words.Format(n == 1 ? key + ".1" : key + ".n", n);

    private static string Iso(DateOnly date) => IsoDate.Format(date);
}
