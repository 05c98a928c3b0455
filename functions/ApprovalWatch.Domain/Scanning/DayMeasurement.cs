using ApprovalWatch.Calendar;
using ApprovalWatch.Deadlines;
using ApprovalWatch.Digests;
using ApprovalWatch.Reference;
using ApprovalWatch.Submissions;

namespace ApprovalWatch.Scanning;

/// <summary>
/// What one scan day measures: each procedure against its limits on its project's calendar, then each
/// project against its whole-process and stage limits. Keeps the counts, the digest lines of everything
/// yellow or red, and what could not be measured (a calendar year not loaded), with the reason.
/// </summary>
public sealed class DayMeasurement(DateOnly today, ReferenceData reference, int warningWorkingDays, ProjectLimits projectLimits)
{
    private readonly Dictionary<string, Dictionary<Flag, int>> _flags = [];
    private readonly Dictionary<string, Dictionary<Flag, int>> _projectFlags = [];
    private readonly Dictionary<string, List<(Procedure Procedure, int Stage)>> _projects = [];
    private readonly Dictionary<string, string> _projectNames = [];
    private readonly List<DigestLine> _lines = [];
    private readonly List<string> _errors = [];

    public DateOnly Date => today;

    /// <summary>Procedures by department and flag.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<Flag, int>> Flags => Freeze(_flags);

    /// <summary>Projects by scope (<c>process</c>, <c>stage-N</c>) and flag.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<Flag, int>> ProjectFlags => Freeze(_projectFlags);

    public int FinishedLate { get; private set; }

    /// <summary>Open procedures with an approved extension.</summary>
    public int Extended { get; private set; }

    public int PastStatutory { get; private set; }

    /// <summary>The yellow and red procedures and projects, for the digests.</summary>
    public IReadOnlyList<DigestLine> Lines => _lines;

    public IReadOnlyList<string> Errors => _errors;

    /// <summary>Measures one procedure; null when it cannot be measured (see <see cref="Errors"/>).</summary>
    public Assessment? Add(Procedure procedure)
    {
        var entry = reference.Catalogue.Find(procedure.ProcedureCode);
        Assessment assessment;
        try
        {
            var calendar = reference.Calendars.ForRegion(ProjectCode.Region(procedure.ProjectCode));
            assessment = Assessment.Of(procedure, calendar, today, warningWorkingDays, entry?.StatutoryDays);
        }
        catch (CalendarYearMissingException e)
        {
            _errors.Add($"{procedure.ProjectCode} {procedure.ProcedureCode}: {e.Message}");
            return null;
        }

        Count(_flags, procedure.Department, assessment.Flag);
        FinishedLate += assessment.FinishedLate ? 1 : 0;
        Extended += procedure.ExtensionDays > 0 && !procedure.Status.IsFinished() ? 1 : 0;
        PastStatutory += assessment.PastStatutory ? 1 : 0;
        if (entry is not null)
        {
            (_projects.TryGetValue(procedure.ProjectCode, out var list) ? list : _projects[procedure.ProjectCode] = []).Add((procedure, entry.Stage));
            _projectNames[procedure.ProjectCode] = procedure.ProjectName;
        }

        if (assessment.Flag is Flag.Yellow or Flag.Red)
        {
            _lines.Add(ProcedureLine.Of(procedure, assessment, entry, reference.Staff.Find(procedure.HandlerEmail)?.Name ?? procedure.HandlerEmail));
        }

        return assessment;
    }

    /// <summary>Measures every project of the procedures added so far.</summary>
    public IReadOnlyList<ProjectMeasure> MeasureProjects()
    {
        var measures = new List<ProjectMeasure>();
        foreach (var (code, procedures) in _projects)
        {
            try
            {
                var calendar = reference.Calendars.ForRegion(ProjectCode.Region(code));
                measures.AddRange(ProjectMeasure.Of(code, procedures, calendar, today, projectLimits));
            }
            catch (CalendarYearMissingException e)
            {
                _errors.Add($"{code}: {e.Message}");
            }
        }

        foreach (var measure in measures)
        {
            Count(_projectFlags, measure.Scope, measure.Flag);
            if (measure.Flag is Flag.Yellow or Flag.Red)
            {
                _lines.Add(ProjectLine.Of(measure, _projectNames[measure.ProjectCode]));
            }
        }

        return measures;
    }

    private static void Count(Dictionary<string, Dictionary<Flag, int>> counts, string key, Flag flag)
    {
        var byFlag = counts.TryGetValue(key, out var c) ? c : counts[key] = [];
        byFlag[flag] = byFlag.GetValueOrDefault(flag) + 1;
    }

    private static IReadOnlyDictionary<string, IReadOnlyDictionary<Flag, int>> Freeze(Dictionary<string, Dictionary<Flag, int>> counts) =>
        counts.ToDictionary(f => f.Key, f => (IReadOnlyDictionary<Flag, int>)f.Value);
}
