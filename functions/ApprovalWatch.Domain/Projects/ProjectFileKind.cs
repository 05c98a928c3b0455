using ApprovalWatch.Domain.Submissions;
using ApprovalWatch.Domain.Text;

namespace ApprovalWatch.Domain.Projects;

/// <summary>
/// The DRC's project files, told apart from procedure files by their header row: the project register, the
/// investment progress report and the problem list (which every department may send, to close its problems).
/// </summary>
public sealed record ProjectFileKind(string Id, string ChineseName, IReadOnlyList<SubmissionColumn> Columns)
{
    public static readonly SubmissionColumn ProjectCode = SubmissionColumn.ProjectCode;
    public static readonly SubmissionColumn ProjectName = new("project_name", "项目名称", false, Plain: false, MaxLength: 200);
    public static readonly SubmissionColumn County = new("county", "县市", true, Plain: false, MaxLength: 50, Aliases: ["县", "县市区", "所属县市", "县区"]);
    public static readonly SubmissionColumn Industry = new("industry", "行业", false, Plain: false, MaxLength: 50, Aliases: ["所属行业", "行业类别"]);
    public static readonly SubmissionColumn Nature = new("nature", "项目性质", true, Plain: false, Aliases: ["建设性质", "项目类型"]);
    public static readonly SubmissionColumn TotalInvestment = new(
        "total_investment_wan",
        "总投资",
        true,
        Aliases: ["总投资（万元）", "total_investment"]
    );
    public static readonly SubmissionColumn AnnualPlan = new(
        "annual_plan_wan",
        "年度计划投资",
        true,
        Aliases: ["年度计划", "本年计划投资", "planned_investment_wan", "annual_plan"]
    );
    public static readonly SubmissionColumn PlannedStart = new(
        "planned_start",
        "计划开工",
        false,
        Aliases: ["计划开工时间", "计划开工月份", "计划开工日期"]
    );
    public static readonly SubmissionColumn StartedOn = new("started_on", "实际开工", false, Aliases: ["实际开工日期", "开工日期", "实际开工时间"]);
    public static readonly SubmissionColumn PlannedCompletion = new("planned_completion", "计划竣工", false, Aliases: ["计划竣工时间", "计划竣工日期"]);
    public static readonly SubmissionColumn LeaderEmail = new("leader_email", "包联领导", true, MaxLength: 254, Aliases: ["包联领导邮箱", "包联领导email"]);
    public static readonly SubmissionColumn ResponsibleUnit = new("responsible_unit", "责任单位", true, Plain: false, MaxLength: 50, Aliases: ["责任部门"]);
    public static readonly SubmissionColumn Owner = new("owner", "建设单位", false, Plain: false, MaxLength: 200, Aliases: ["业主单位", "项目业主"]);
    public static readonly SubmissionColumn ConvertedOn = new("converted_on", "储备转化日期", false, Aliases: ["转化日期"]);

    public static readonly SubmissionColumn ReportedOn = new("reported_on", "填报日期", true, Aliases: ["统计日期", "截止日期", "数据日期", "as_of"]);
    public static readonly SubmissionColumn YearToDate = new(
        "ytd_completed_wan",
        "本年完成投资",
        true,
        Aliases: ["年度累计完成投资", "本年累计完成投资", "completed_investment_wan", "ytd_completed"]
    );
    public static readonly SubmissionColumn Physical = new("physical_progress", "形象进度", false, Plain: false, MaxLength: 500);
    public static readonly SubmissionColumn NewProblems = new("new_problems", "存在问题", false, Plain: false, MaxLength: 1000, Aliases: ["新增问题", "问题"]);

    public static readonly SubmissionColumn ProblemId = new("problem_id", "问题编号", true, Aliases: ["编号", "问题序号"]);
    public static readonly SubmissionColumn ProblemText = new("problem", "问题描述", false, Plain: false, MaxLength: 1000, Aliases: ["问题内容", "存在问题及困难"]);
    public static readonly SubmissionColumn Department = new("department", "责任部门", false, Plain: false, MaxLength: 50, Aliases: ["牵头部门", "责任单位"]);
    public static readonly SubmissionColumn RaisedOn = new("raised_on", "提出日期", false, Aliases: ["交办日期", "提出时间"]);
    public static readonly SubmissionColumn DueDays = new("due_working_days", "办理时限", false, Aliases: ["时限（工作日）", "办结时限（工作日）"]);
    public static readonly SubmissionColumn State = new("state", "办理状态", false, Aliases: ["状态", "是否销号"]);
    public static readonly SubmissionColumn SolvedOn = new("solved_on", "销号日期", false, Aliases: ["解决日期", "办结日期"]);
    public static readonly SubmissionColumn SolvedBy = new("solved_by", "销号人", false, Plain: false, MaxLength: 100, Aliases: ["确认人"]);

    public static readonly ProjectFileKind Register = new(
        "register",
        "项目库",
        [
            ProjectCode,
            ProjectName,
            County,
            Industry,
            Nature,
            TotalInvestment,
            AnnualPlan,
            PlannedStart,
            StartedOn,
            PlannedCompletion,
            LeaderEmail,
            ResponsibleUnit,
            Owner,
            ConvertedOn,
        ]
    );

    public static readonly ProjectFileKind Progress = new("progress", "投资进度", [ProjectCode, ProjectName, ReportedOn, YearToDate, Physical, NewProblems]);

    public static readonly ProjectFileKind Problems = new(
        "problems",
        "问题清单",
        [ProjectCode, ProjectName, ProblemId, ProblemText, Department, RaisedOn, DueDays, State, SolvedOn, SolvedBy]
    );

    public static readonly IReadOnlyList<ProjectFileKind> All = [Register, Progress, Problems];

    /// <summary>The blank file to fill in (CSV, UTF-8 with BOM for Excel): the header in both languages and one example row.</summary>
    public string TemplateCsv() =>
        "\uFEFF"
        + string.Join(',', Columns.Select(c => CsvReader.Escape(c.Label)))
        + "\n"
        + string.Join(',', Columns.Select(c => CsvReader.Escape(Example(c))))
        + "\n";

    private static string Example(SubmissionColumn column) => column.Name switch
    {
        "project_code" => "2026-653001-48-01-00123X",
        "project_name" => "阿图什市新城学校建设项目",
        "county" => "阿图什市",
        "industry" => "教育",
        "nature" => "新开工",
        "total_investment_wan" => "60000",
        "annual_plan_wan" => "20000",
        "planned_start" => "2026-04",
        "planned_completion" => "2027-12",
        "leader_email" => "zhao.deming@kizilsu.example.org",
        "responsible_unit" => "住房和城乡建设局",
        "owner" => "阿图什市城投公司",
        "reported_on" => "2026-03-13",
        "ytd_completed_wan" => "9000",
        "physical_progress" => "主体结构施工",
        "problem_id" => "WT-2026-001",
        "problem" => "施工用电接入滞后",
        "department" => "供电公司",
        "raised_on" => "2026-03-02",
        "due_working_days" => "10",
        "state" => "未销号",
        _ => "",
    };

    /// <summary>Only the DRC keeps the register and the progress reports; any department may send problems.</summary>
    public bool AllowedFor(string department) => this == Problems || department == Catalogue.Department.DevelopmentReform;

    /// <summary>
    /// The kind whose header this row is: every required column named, and more of its columns than any other
    /// kind's; null when the row is no project file's header (a procedure file, or a title row).
    /// </summary>
    public static ProjectFileKind? OfHeader(SourceRow row)
    {
        var cells = row.Fields.Select(CellText.Clean).Where(c => c.Length > 0).ToList();
        if (SubmissionHeader.LooksLikeHeader(row) && SubmissionColumn.All.Where(c => c.Required).All(c => cells.Any(c.IsNamedBy)))
        {
            return null;
        }

        return All.Select(kind =>
                (
                    kind,
                    named: kind.Columns.Count(c => cells.Any(c.IsNamedBy)),
                    complete: kind.Columns.Where(c => c.Required).All(c => cells.Any(c.IsNamedBy))
                )
            )
            .Where(k => k.complete && k.named >= 3)
            .OrderByDescending(k => k.named)
            .Select(k => k.kind)
            .FirstOrDefault();
    }

    /// <summary>How many non-blank rows are looked at for a header (below any title rows).</summary>
    public const int HeaderLookAhead = 20;

    /// <summary>The kind of a file from its first rows (a header is looked for below any title rows), or null.</summary>
    public static ProjectFileKind? Detect(IEnumerable<SourceRow> rows) =>
        rows.Where(r => !CsvReader.IsBlank(r)).Take(HeaderLookAhead).Select(OfHeader).FirstOrDefault(k => k is not null);

    /// <summary>The column positions when the row names them; each column at its first cell.</summary>
    public Dictionary<SubmissionColumn, int> Positions(SourceRow row)
    {
        var positions = new Dictionary<SubmissionColumn, int>();
        for (var i = 0; i < row.Fields.Count; i++)
        {
            if (Columns.FirstOrDefault(c => c.IsNamedBy(row.Fields[i])) is { } column)
            {
                positions.TryAdd(column, i);
            }
        }

        return positions;
    }
}
