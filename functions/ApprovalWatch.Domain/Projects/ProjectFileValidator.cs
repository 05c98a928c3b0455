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
            $"与第 {firstLine} 行重复；the same {kind.Id} entry is already on line {firstLine}",
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
                $"项目代码的行政区划是{known.Chinese}；the project code's region is {known.English} ({known.Chinese})"
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
                cells.Fail(ProjectFileKind.Nature, $"项目性质无法识别；unknown nature ({ProjectNatures.Accepted})");
            }
        }

        var total = cells.Amount(ProjectFileKind.TotalInvestment, required: true);
        var plan = cells.Amount(ProjectFileKind.AnnualPlan, required: true);
        if (total is not null && plan is not null && plan > total)
        {
            cells.Fail(ProjectFileKind.AnnualPlan, "年度计划投资大于总投资；the year's plan is more than the total investment");
        }

        var leader = cells.Required(ProjectFileKind.LeaderEmail).ToLowerInvariant();
        if (leader.Length > 0 && staff.Find(leader) is null)
        {
            cells.Fail(ProjectFileKind.LeaderEmail, "包联领导不在人员名录中；the leader in charge is not in the directory (config/directory.csv)");
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
            cells.Fail(ProjectFileKind.StartedOn, "储备项目不应有实际开工日期；a reserve project has not started (write its nature 新开工)");
        }

        if (startedOn > fileDate)
        {
            cells.Fail(ProjectFileKind.StartedOn, $"开工日期晚于报送日期 {IsoDate.Format(fileDate)}；started after the file's date");
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
            cells.Fail(ProjectFileKind.ReportedOn, $"填报日期晚于报送日期 {IsoDate.Format(fileDate)}；reported after the file's date");
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
                cells.Fail(ProjectFileKind.State, "状态无法识别；unknown state (open/未销号, solved/已销号)");
            }
        }

        var solvedOn = cells.Date(ProjectFileKind.SolvedOn);
        var solvedBy = cells.Get(ProjectFileKind.SolvedBy);
        solved |= solvedOn is not null;
        if (solved && (solvedOn is null || solvedBy.Length == 0))
        {
            cells.Fail(
                solvedOn is null ? ProjectFileKind.SolvedOn : ProjectFileKind.SolvedBy,
                "销号须写明日期和销号人；a problem is closed only with the date and who closed it"
            );
        }

        if (solvedOn > fileDate)
        {
            cells.Fail(ProjectFileKind.SolvedOn, $"销号日期晚于报送日期 {IsoDate.Format(fileDate)}；closed after the file's date");
        }

        var raisedOn = cells.Date(ProjectFileKind.RaisedOn);
        if (raisedOn > fileDate)
        {
            cells.Fail(ProjectFileKind.RaisedOn, $"提出日期晚于报送数据日期 {IsoDate.Format(fileDate)}；raised after the file's data date");
        }

        if (solvedOn is not null && raisedOn is not null && solvedOn < raisedOn)
        {
            cells.Fail(ProjectFileKind.SolvedOn, "销号日期早于提出日期；closed before it was raised");
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
