using ApprovalWatch.Testing;
using ApprovalWatch.Domain.Projects;
using ApprovalWatch.Domain.Staff;
using ApprovalWatch.Domain.Submissions;
using ApprovalWatch.Domain.Text;

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
        var rows = Rows(
            "project_code,problem_id,state,solved_on,solved_by\n2026-653001-48-01-00123X,WT-1,已销号,2026-03-12,\n2026-653001-48-01-00123X,WT-2,已销号,"
                + "2026-03-12,孙强\n"
        );
        var validator = new ProjectFileValidator(ProjectFileKind.Problems, Staff, [], new DateOnly(2026, 3, 16));

        var valid = validator.Validate(rows).Cast<ProblemRow>().ToList();

        Assert.Equal(["WT-2"], valid.Select(r => r.Id));
        Assert.Contains("销号须写明日期和销号人", Assert.Single(validator.Errors).Reason.Chinese(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("development-reform/problems-2026-03-13.csv", "2026-03-13")]
    [InlineData("housing/进度20260306.xlsx", "2026-03-06")]
    [InlineData("housing/week_2026.03.09.csv", "2026-03-09")]
    [InlineData("housing/problems-2026-03-20.csv", "2026-03-16")] // a name dated after the file arrived is no data date
    [InlineData("housing/problems.csv", "2026-03-16")]
    [InlineData("2026-03-01/problems.csv", "2026-03-16")] // the folder's name is not the file's
    public void A_files_data_date_is_the_date_its_name_gives_else_the_day_it_arrived(string name, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), FileDataDate.Of(name, new DateOnly(2026, 3, 16)));

    [Fact]
    public void A_problem_raised_or_closed_after_the_files_data_date_is_refused_in_its_row()
    {
        var rows = Rows(
            "project_code,problem_id,problem,department,raised_on,state,solved_on,solved_by\n"
                + "2026-653001-48-01-00123X,WT-1,用地未落实,housing,2026-03-12,未销号,,\n"
                + "2026-653001-48-01-00123X,WT-2,供电滞后,housing,2026-03-14,未销号,,\n"
                + "2026-653001-48-01-00123X,WT-3,图审,housing,2026-03-10,已销号,2026-03-15,孙强\n"
        );
        var validator = new ProjectFileValidator(
            ProjectFileKind.Problems,
            Staff,
            [],
            FileDataDate.Of("housing/problems-2026-03-13.csv", new DateOnly(2026, 3, 16))
        );

        var valid = validator.Validate(rows).Cast<ProblemRow>().ToList();

        Assert.Equal(["WT-1"], valid.Select(r => r.Id));
        Assert.Equal([3, 4], validator.Errors.Select(e => e.Line));
        Assert.Contains("raised after the file's data date", validator.Errors[0].Reason.English());
        Assert.Contains("2026-03-13", validator.Errors[1].Reason.English());
    }
}
