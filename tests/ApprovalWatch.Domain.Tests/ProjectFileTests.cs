using ApprovalWatch.Domain.Projects;
using ApprovalWatch.Domain.Staff;
using ApprovalWatch.Domain.Text;
using ApprovalWatch.Testing;

namespace ApprovalWatch.Domain.Tests;

public class ProjectFileTests
{
    private static readonly StaffDirectory Staff = new([new Person("zhao.deming@kizilsu.example.org", "赵德明", "housing", Role.Leader)]);

    private static List<SourceRow> Rows(string csv) => CsvReader.Read(new StringReader(csv)).ToList();

    [Theory]
    [InlineData("register")]
    [InlineData("progress")]
    [InlineData("problems")]
    public void Each_template_is_told_by_its_header_and_its_example_row_is_valid(string id)
    {
        var kind = ProjectFileKind.All.Single(k => k.Id == id);
        var rows = Rows(kind.TemplateCsv().TrimStart('\uFEFF'));

        Assert.Same(kind, ProjectFileKind.Detect(rows));
        var validator = new ProjectFileValidator(kind, Staff, ["6530"], new DateOnly(2026, 3, 16));
        Assert.Single(validator.Validate(rows));
        Assert.Empty(validator.Errors);
    }

    [Fact]
    public void A_procedure_file_is_not_taken_for_a_project_file_even_with_a_state_column()
    {
        var rows = Rows("项目代码,项目名称,县市,审批事项,办理状态,受理日期,经办人邮箱,办结日期\n2026-653001-48-01-00123X,学校,阿图什市,HC-01,审查中,2026-03-02,zhang.wei@kizilsu.example.org,\n");

        Assert.Null(ProjectFileKind.Detect(rows));
    }

    [Fact]
    public void A_closed_problem_needs_its_date_and_who_closed_it()
    {
        var rows = Rows("project_code,problem_id,state,solved_on,solved_by\n2026-653001-48-01-00123X,WT-1,已销号,2026-03-12,\n2026-653001-48-01-00123X,WT-2,已销号,2026-03-12,孙强\n");
        var validator = new ProjectFileValidator(ProjectFileKind.Problems, Staff, [], new DateOnly(2026, 3, 16));

        var valid = validator.Validate(rows).Cast<ProblemRow>().ToList();

        Assert.Equal(["WT-2"], valid.Select(r => r.Id));
        Assert.Contains("销号须写明日期和销号人", Assert.Single(validator.Errors).Reason, StringComparison.Ordinal);
    }
}
