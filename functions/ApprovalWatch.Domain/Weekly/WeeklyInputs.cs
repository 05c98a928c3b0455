using ApprovalWatch.Domain.Calendar;
using ApprovalWatch.Domain.Catalogue;
using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Domain.Projects;

namespace ApprovalWatch.Domain.Weekly;

/// <summary>What the weekly report is computed from: the stored rows, the prefecture's calendar and the rules.</summary>
public sealed record WeeklyInputs(
    ReportWeek Week,
    IReadOnlyList<RegisteredProject> Projects,
    IReadOnlyList<ProgressReport> Progress,
    IReadOnlyList<ProcedureFacts> Procedures,
    IReadOnlyList<ProjectProblem> Problems,
    WorkingCalendar Calendar,
    LightRules Rules,
    Func<string, string>? NameOf = null,
    ProcedureCatalogue? Catalogue = null,
    PaceCurve? Curve = null,
    IReadOnlyList<LateReport>? LateReports = null,
    IReadOnlyList<Notices.SupervisionNotice>? Notices = null)
{
    /// <summary>A person's name from the directory (the email when unknown).</summary>
    public string Name(string email) => NameOf?.Invoke(email) ?? email;
}

/// <summary>
/// How projects are lit: investment yellow at <see cref="YellowPoints"/> below pace, red at <see cref="RedPoints"/>;
/// a red procedure makes a project yellow, one red for <see cref="RedProcedureWorkingDays"/> working days (the
/// ladder's weekly-report rung) red; an overdue problem yellow, one overdue that long red.
/// </summary>
public sealed record LightRules(decimal YellowPoints = 10, decimal RedPoints = 20, int RedProcedureWorkingDays = 10, string Pace = PaceRule.WorkingDays);

/// <summary>A back-dated report as History keeps it: what it reported, and the earlier file that showed the procedure open.</summary>
public sealed record LateReport(
    string ProjectCode,
    string Procedure,
    string Department,
    string What,
    DateOnly Reported,
    string EarlierFile,
    DateOnly EarlierAsOf,
    string File,
    DateOnly RecordedOn
);
