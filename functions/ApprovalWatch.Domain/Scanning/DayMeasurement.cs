using ApprovalWatch.Domain.Calendar;
using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Domain.Digests;
using ApprovalWatch.Domain.Reference;
using ApprovalWatch.Domain.Submissions;

namespace ApprovalWatch.Domain.Scanning;

/// <summary>
/// What one scan day measures: each procedure against its limits on its project's calendar, then each
/// project against its whole-process and stage limits. Keeps the counts, the digest lines of everything
/// yellow or red, and what could not be measured (a calendar year not loaded), with the reason. Projects
/// are measured as they are added, so a scan streaming one project at a time holds one project's procedures.
/// </summary>
public sealed class DayMeasurement(DateOnly today, ReferenceData reference, int warningWorkingDays, ProjectLimits projectLimits)
{
    private readonly Dictionary<string, List<(Procedure Procedure, int Stage)>> _projects = [];
    private readonly Dictionary<string, string> _projectNames = [];
    private readonly List<DigestLine> _lines = [];

    public DateOnly Date => today;

    public ScanCounts Counts { get; } = new();

    /// <summary>The yellow and red procedures and projects, for the digests.</summary>
    public IReadOnlyList<DigestLine> Lines => _lines;

    /// <summary>The lines measured since the last call, which this measurement then forgets.</summary>
    public IReadOnlyList<DigestLine> TakeLines()
    {
        var taken = _lines.ToList();
        _lines.Clear();
        return taken;
    }

    /// <summary>Measures one procedure; null when it cannot be measured (see <see cref="ScanCounts.Errors"/>).</summary>
    /// <param name="before">The flag its row holds from the last scan.</param>
    /// <param name="counts">The escalation counts its row holds.</param>
    /// <param name="ack">The official's acknowledgement of the procedure, if any.</param>
    public ProcedureMeasure? Add(Procedure procedure, Flag? before = null, EscalationCounts? counts = null, Acknowledgements.Acknowledgement? ack = null)
    {
        var entry = reference.Catalogue.Find(procedure.ProcedureCode);
        var calendar = CalendarOf(procedure);
        if (Assess(procedure, calendar, entry) is not { } assessment)
        {
            return null;
        }

        Counts.CountProcedure(procedure.Department, assessment.Flag, procedure.County);
        Counts.FinishedLate += assessment.FinishedLate ? 1 : 0;
        Counts.Extended += procedure.ExtensionDays > 0 && !procedure.Status.IsFinished() ? 1 : 0;
        Counts.PastStatutory += assessment.PastStatutory ? 1 : 0;
        if (entry is not null)
        {
            (_projects.TryGetValue(procedure.ProjectCode, out var list) ? list : _projects[procedure.ProjectCode] = []).Add((procedure, entry.Stage));
            _projectNames[procedure.ProjectCode] = procedure.ProjectName;
        }

        var climbed = (counts ?? new EscalationCounts()).After(before, assessment.Flag, today);
        if (assessment.Flag is Flag.Yellow or Flag.Red)
        {
            _lines.Add(ProcedureLine.Of(procedure, assessment, entry, reference.Staff.NameOf(procedure.HandlerEmail), climbed, ack, today));
        }

        // Most procedures have no reform clock and were never only received: nothing more to measure for them.
        if (procedure.MaterialsDueOn is not null || procedure.VerifyBy is not null || assessment.Deemed)
        {
            AddReformLines(procedure, assessment, entry, calendar);
        }

        return new ProcedureMeasure(assessment, climbed);
    }

    /// <summary>
    /// A procedure against its limits on its project's calendar today, as the scan, the acknowledgement page and the
    /// project page all measure it; null, with the reason in <see cref="ScanCounts.Errors"/>, when its calendar has not
    /// loaded the year.
    /// </summary>
    public Assessment? Assess(Procedure procedure) => Assess(procedure, CalendarOf(procedure), reference.Catalogue.Find(procedure.ProcedureCode));

    private WorkingCalendar CalendarOf(Procedure procedure) => reference.Calendars.ForRegion(ProjectCode.Region(procedure.ProjectCode));

    private Assessment? Assess(Procedure procedure, WorkingCalendar calendar, Catalogue.CatalogueEntry? entry)
    {
        try
        {
            return Assessment.Of(procedure, calendar, today, warningWorkingDays, entry?.StatutoryDays, entry?.StatutoryInDays == true);
        }
        catch (CalendarYearMissingException e)
        {
            Counts.Errors.Add($"{procedure.ProjectCode} {procedure.ProcedureCode}: {e.Message}");
            return null;
        }
    }

    private void AddReformLines(Procedure procedure, Assessment assessment, Catalogue.CatalogueEntry? entry, WorkingCalendar calendar)
    {
        var handlerName = reference.Staff.NameOf(procedure.HandlerEmail);
        try
        {
            _lines.AddRange(ReformClocks.Lines(procedure, entry, handlerName, calendar, today));
            if (ReformClocks.DeemedToday(procedure, assessment, entry, handlerName, calendar, today) is { } deemed)
            {
                _lines.Add(deemed);
            }
        }
        catch (CalendarYearMissingException e)
        {
            Counts.Errors.Add($"{procedure.ProjectCode} {procedure.ProcedureCode}: {e.Message}");
        }
    }

    /// <summary>Measures every project of the procedures added since the last call.</summary>
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
                Counts.Errors.Add($"{code}: {e.Message}");
            }
        }

        foreach (var measure in measures)
        {
            Counts.CountProject(measure.Scope, measure.Flag);
            if (measure.Flag is Flag.Yellow or Flag.Red)
            {
                _lines.Add(ProjectLine.Of(measure, _projectNames[measure.ProjectCode]));
            }
        }

        _projects.Clear();
        _projectNames.Clear();
        return measures;
    }
}
