using ApprovalWatch.Domain.Staff;
using ApprovalWatch.Domain.Submissions;
using ApprovalWatch.Domain.Text;

namespace ApprovalWatch.Domain.Projects;

/// <summary>
/// Validates the rows of a project file (register, progress or problems) the way procedure rows are validated:
/// the header found below any title rows, each row checked (code shape and region, county, dates, amounts ≥ 0,
/// the leader in the directory, the department known), rejected rows kept with their reasons, the valid ones
/// yielded as they are read. <paramref name="fileDate"/> stands for a date the file leaves out.
/// </summary>
public sealed class ProjectFileValidator(
    ProjectFileKind kind,
    StaffDirectory staff,
    IReadOnlyCollection<string> servedRegions,
    DateOnly fileDate,
    int maxRows = int.MaxValue,
    int maxErrors = 1000
) : RowValidator<ProjectFileRow>(maxRows, maxErrors)
{
    public ProjectFileKind Kind => kind;

    protected override IReadOnlyDictionary<SubmissionColumn, int>? Header(SourceRow record) =>
        ProjectFileKind.OfHeader(record) == kind ? kind.Positions(record) : null;

    protected override string Key(ProjectFileRow row) => row.Key;

    // A progress row with no date, figure, works or problem reports nothing (a pre-filled sheet's project not reported yet).
    protected override bool SaysNothing(RowCells cells) =>
        kind == ProjectFileKind.Progress
        && new[] { ProjectFileKind.ReportedOn, ProjectFileKind.YearToDate, ProjectFileKind.Physical, ProjectFileKind.NewProblems }.All(c =>
            cells.Get(c).Length == 0
        );

    protected override RowError Duplicate(RowCells cells, ProjectFileRow row, int firstLine, string? firstSheet) =>
        new(
            cells.Line,
            ProjectFileKind.ProjectCode.Label,
            Reason.Of("project.duplicate", firstLine, kind.Id),
            cells.Get(ProjectFileKind.ProjectCode),
            cells.Sheet
        );

    protected override ProjectFileRow? Read(RowCells cells)
    {
        var code = cells.ProjectCode(servedRegions);
        ProjectFileRow? row = kind.Id switch
        {
            "register" => ReadRegister(cells, code),
            "progress" => ReadProgress(cells, code),
            _ => ReadProblem(cells, code),
        };
        return cells.Errors.Count == 0 ? row : null;
    }

    private RegisterRow? ReadRegister(RowCells cells, string code)
    {
        var name = cells.Required(ProjectFileKind.ProjectName);
        var county = cells.Required(ProjectFileKind.County);
        if (
            code.Length == 24
            && Counties.ByRegion.TryGetValue(Submissions.ProjectCode.Region(code), out var known)
            && county.Length > 0
            && county != known.Chinese
            && !county.Equals(known.English, StringComparison.OrdinalIgnoreCase)
        )
        {
            cells.Fail(
                ProjectFileKind.County,
                Reason.Of("project.county_of_code", known.Chinese, known.English)
            );
        }

        var natureText = cells.Required(ProjectFileKind.Nature);
        ProjectNature? nature = null;
        if (natureText.Length > 0)
        {
            if (ProjectNatures.TryParse(natureText, out var parsed))
            {
                nature = parsed;
            }
            else
            {
                cells.Fail(ProjectFileKind.Nature, Reason.Of("project.unknown_nature", ProjectNatures.Accepted));
            }
        }

        var total = cells.Amount(ProjectFileKind.TotalInvestment, required: true);
        var plan = cells.Amount(ProjectFileKind.AnnualPlan, required: true);
        if (total is not null && plan is not null && plan > total)
        {
            cells.Fail(ProjectFileKind.AnnualPlan, Reason.Of("project.plan_over_total"));
        }

        var leader = cells.Required(ProjectFileKind.LeaderEmail).ToLowerInvariant();
        if (leader.Length > 0 && staff.Find(leader) is null)
        {
            cells.Fail(ProjectFileKind.LeaderEmail, Reason.Of("project.leader_unknown"));
        }

        var unit = cells.Department(ProjectFileKind.ResponsibleUnit, required: true);
        var plannedStart = cells.Month(ProjectFileKind.PlannedStart);
        var startedOn = cells.Date(ProjectFileKind.StartedOn);
        var plannedCompletion = DateText.TryParse(cells.Get(ProjectFileKind.PlannedCompletion), out var completion)
            ? completion
            : cells.Month(ProjectFileKind.PlannedCompletion);
        var convertedOn = cells.Date(ProjectFileKind.ConvertedOn);
        if (nature == ProjectNature.Reserve && startedOn is not null)
        {
            cells.Fail(ProjectFileKind.StartedOn, Reason.Of("project.reserve_started"));
        }

        if (startedOn > fileDate)
        {
            cells.Fail(ProjectFileKind.StartedOn, Reason.Of("project.started_after_file", fileDate));
        }

        if (nature is null || total is null || plan is null || unit is null || cells.Errors.Count > 0)
        {
            return null;
        }

        return new RegisterRow(cells.Line, new RegisteredProject
        {
            Code = code, Name = name, County = county, Industry = cells.Get(ProjectFileKind.Industry), Nature = nature.Value,
            TotalInvestment = total.Value, AnnualPlan = plan.Value, PlannedStart = plannedStart, StartedOn = startedOn, PlannedCompletion = plannedCompletion,
            LeaderEmail = leader, ResponsibleUnit = unit, Owner = cells.Get(ProjectFileKind.Owner), ConvertedOn = convertedOn, AsOf = fileDate,
        });
    }

    private ProgressRow? ReadProgress(RowCells cells, string code)
    {
        var reportedOn = cells.Date(ProjectFileKind.ReportedOn, required: true);
        var ytd = cells.Amount(ProjectFileKind.YearToDate, required: true);
        if (reportedOn > fileDate)
        {
            cells.Fail(ProjectFileKind.ReportedOn, Reason.Of("project.reported_after_file", fileDate));
        }

        return reportedOn is null || ytd is null
            ? null
            : new ProgressRow(
                cells.Line,
                new ProgressReport(code, reportedOn.Value, ytd.Value, cells.Get(ProjectFileKind.Physical), cells.Get(ProjectFileKind.NewProblems))
            );
    }

    private ProblemRow? ReadProblem(RowCells cells, string code)
    {
        var id = cells.Required(ProjectFileKind.ProblemId);
        var stateText = cells.Get(ProjectFileKind.State);
        bool solved = false;
        if (stateText.Length > 0)
        {
            if (stateText is "solved" or "closed" or "已销号" or "销号" or "已解决" or "已办结")
            {
                solved = true;
            }
            else if (stateText is not ("open" or "未销号" or "未解决" or "办理中" or "待解决"))
            {
                cells.Fail(ProjectFileKind.State, Reason.Of("project.unknown_state"));
            }
        }

        var solvedOn = cells.Date(ProjectFileKind.SolvedOn);
        var solvedBy = cells.Get(ProjectFileKind.SolvedBy);
        solved |= solvedOn is not null;
        if (solved && (solvedOn is null || solvedBy.Length == 0))
        {
            cells.Fail(
                solvedOn is null ? ProjectFileKind.SolvedOn : ProjectFileKind.SolvedBy,
                Reason.Of("problem.close_needs_date_and_name")
            );
        }

        if (solvedOn > fileDate)
        {
            cells.Fail(ProjectFileKind.SolvedOn, Reason.Of("problem.closed_after_file", fileDate));
        }

        var raisedOn = cells.Date(ProjectFileKind.RaisedOn);
        if (raisedOn > fileDate)
        {
            cells.Fail(ProjectFileKind.RaisedOn, Reason.Of("problem.raised_after_file", fileDate));
        }

        if (solvedOn is not null && raisedOn is not null && solvedOn < raisedOn)
        {
            cells.Fail(ProjectFileKind.SolvedOn, Reason.Of("problem.closed_before_raised"));
        }

        var text = cells.Get(ProjectFileKind.ProblemText);
        return id.Length == 0 ? null : new ProblemRow(cells.Line, code, id)
        {
            Text = text.Length > 0 ? text : null,
            Department = cells.Department(ProjectFileKind.Department, required: false),
            RaisedOn = raisedOn,
            DueWorkingDays = cells.WorkingDays(ProjectFileKind.DueDays),
            Solved = solved,
            SolvedOn = solvedOn,
            SolvedBy = solvedBy,
        };
    }
}
