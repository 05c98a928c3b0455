using System.Security.Cryptography;
using System.Text;
using ApprovalWatch.Domain.Calendar;
using ApprovalWatch.Domain.Catalogue;
using ApprovalWatch.Domain.Submissions;
using ApprovalWatch.Domain.Text;

namespace ApprovalWatch.Domain.Projects;

/// <summary>
/// What a row of a department's project file does to what is stored of its project, as <c>ReportDecision</c> is for
/// procedure files. The register keeps the day a reserve project converted; a progress report that lowers the
/// year-to-date figure is kept, marked and told; a problem raised with a report goes on the problem list; a
/// department raises and closes only its own problems, the development &amp; reform commission any.
/// </summary>
/// <param name="department">The department whose folder the file is in.</param>
/// <param name="fileDate">The file's data date: a new problem without a date is raised on it.</param>
/// <param name="problemWorkingDays">The working days a problem has when its row gives none.</param>
/// <param name="calendarOf">The working-day calendar of a project, by its code.</param>
public sealed class ProjectFileDecision(string department, DateOnly fileDate, int problemWorkingDays, Func<string, WorkingCalendar> calendarOf)
{
    private bool IsDevelopmentReform => department == Department.DevelopmentReform;

    public ProjectChange Decide(ProjectFileRow row, StoredProject stored) => row switch
    {
        RegisterRow r => Register(r.Project, stored),
        ProgressRow p => Progress(p, stored),
        ProblemRow p => Problem(p, stored),
        _ => throw new ArgumentOutOfRangeException(nameof(row), row.GetType().Name, "not a project file row"),
    };

    /// <summary>The project a row is about.</summary>
    public static string ProjectOf(ProjectFileRow row) => row switch
    {
        RegisterRow r => r.Project.Code,
        ProgressRow p => p.Report.ProjectCode,
        ProblemRow p => p.ProjectCode,
        _ => throw new ArgumentOutOfRangeException(nameof(row), row.GetType().Name, "not a project file row"),
    };

    /// <summary>
    /// The number of a problem raised with a progress report: a hash of its project and its words, so a problem restated
    /// in a later report is the same problem and two projects' problems never share a number.
    /// </summary>
    public static string ProblemIdOf(ProgressReport report) =>
        "P" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{report.ProjectCode}\n{Words(report.NewProblems)}")))[..10];

    /// <summary>A problem's words as compared: runs of white space are one space.</summary>
    private static string Words(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static ProjectChange Register(RegisteredProject next, StoredProject stored)
    {
        var known = stored.Register;
        if (next.ConvertedOn is null && known is not null)
        {
            // A reserve project that the register now shows started converted on its start (or, without one, on the register's date).
            next = next with
            {
                ConvertedOn = known.ConvertedOn
                    ?? (known.Nature == ProjectNature.Reserve && next.Nature != ProjectNature.Reserve ? next.StartedOn ?? next.AsOf : null),
            };
        }

        var unchanged = known is not null && known with { AsOf = next.AsOf } == next;
        var rerouted = stored.Problems.Where(p => p.AwaitsRegister).Select(p => p.AssignedTo(next.ResponsibleUnit, next.AsOf)).ToList();
        return unchanged && rerouted.Count == 0 ? ProjectChange.Nothing : new ProjectChange { Register = unchanged ? null : next, Rerouted = rerouted };
    }

    private ProjectChange Progress(ProgressRow row, StoredProject stored)
    {
        var report = row.Report;
        var earlier = stored.Progress.Where(p => p.ReportedOn < report.ReportedOn && p.ReportedOn.Year == report.ReportedOn.Year).MaxBy(p => p.ReportedOn);
        decimal? lowered = earlier is not null && report.YearToDate < earlier.YearToDate ? earlier.YearToDate : null;
        var note =
            earlier is not null && lowered is not null
                ? Reason.Of("progress.lowered", row.Line, report.ProjectCode, report.YearToDate, earlier.ReportedOn, lowered)
                : null;
        var changed = stored.Progress.FirstOrDefault(p => p.ReportedOn == report.ReportedOn) != report;
        ProjectProblem? problem = null;
        // A problem already on the list (however it was numbered, and in whichever report) is not raised again.
        if (report.NewProblems.Length > 0 && !stored.Problems.Any(p => Words(p.Text) == Words(report.NewProblems)))
        {
            problem = new ProjectProblem
            {
                ProjectCode = report.ProjectCode,
                Id = ProblemIdOf(report),
                Text = report.NewProblems,
                Department = stored.Register?.ResponsibleUnit ?? Department.DevelopmentReform,
                AwaitsRegister = stored.Register is null,
                RaisedOn = report.ReportedOn,
                DueOn = calendarOf(report.ProjectCode).AddWorkingDays(report.ReportedOn, problemWorkingDays),
            };
        }

        var warnings = stored.Register is { } register ? Plausibility.Of(register, report).Select(w => Plausibility.Note(w, row.Line)).ToList() : [];
        return new ProjectChange
        {
            Progress = changed ? report : null,
            LoweredFrom = changed ? lowered : null,
            Problem = problem,
            Note = note,
            Warnings = warnings,
        };
    }

    private ProjectChange Problem(ProblemRow row, StoredProject stored)
    {
        var known = stored.Problem(row.Id);
        ProjectChange Refuse(Reason reason) => new() { Refused = new RowError(row.Line, ProjectFileKind.ProblemId.Label, reason, row.Id) };

        ProjectProblem next;
        if (known is null)
        {
            var owner = row.Department ?? stored.Register?.ResponsibleUnit;
            if (row.Text is null || owner is null)
            {
                return Refuse(Reason.Of("problem.new_needs_text_and_unit"));
            }

            if (!IsDevelopmentReform && owner != department)
            {
                return Refuse(Reason.Of("problem.not_own", owner));
            }

            var raised = row.RaisedOn ?? fileDate;
            next = new ProjectProblem
            {
                ProjectCode = row.ProjectCode, Id = row.Id, Text = row.Text, Department = owner, RaisedOn = raised,
                DueOn = calendarOf(row.ProjectCode).AddWorkingDays(raised, row.DueWorkingDays ?? problemWorkingDays),
            };
        }
        else
        {
            if (!IsDevelopmentReform && known.Department != department)
            {
                return Refuse(
                    Reason.Of("problem.not_own_to_close", known.Department, department)
                );
            }

            next = known with { Text = IsDevelopmentReform && row.Text is not null ? row.Text : known.Text };
            if (IsDevelopmentReform && row.Department is { } reassigned && reassigned != known.Department)
            {
                // The coordinator's file gives the problem to another department (one sent back, say): signed for anew.
                next = next.AssignedTo(reassigned, fileDate);
            }
        }

        if (row.Solved)
        {
            next = next with { SolvedOn = row.SolvedOn, SolvedBy = row.SolvedBy };
        }

        if (next.SolvedOn < next.RaisedOn)
        {
            return Refuse(Reason.Of("problem.closed_before_raised"));
        }

        return next == known ? ProjectChange.Nothing : new ProjectChange { Problem = next };
    }
}
