using ApprovalWatch.Domain.Catalogue;
using ApprovalWatch.Domain.Projects;
using ApprovalWatch.Testing;

namespace ApprovalWatch.Domain.Tests;

/// <summary>What a row of a project file does to what is stored of its project, with no storage in between.</summary>
public class ProjectFileDecisionTests
{
    private const string Code = "2026-653001-48-01-00123X";
    private static readonly DateOnly FileDate = new(2026, 3, 13);

    private static ProjectFileDecision For(string department) => new(department, FileDate, 10, _ => OfficialCalendars.National);

    private static RegisteredProject Register(
        ProjectNature nature,
        DateOnly? startedOn = null,
        DateOnly? convertedOn = null,
        DateOnly? asOf = null
    ) =>
        new()
        {
            Code = Code,
            Name = "阿图什市新城学校",
            County = "阿图什市",
            Nature = nature,
            AnnualPlan = 5000,
            TotalInvestment = 20000,
            LeaderEmail = "zheng.hai@kizilsu.example.org",
            ResponsibleUnit = "housing",
            StartedOn = startedOn,
            ConvertedOn = convertedOn,
            AsOf = asOf ?? FileDate,
        };

    private static ProjectProblem Problem(string id, string department, DateOnly? solvedOn = null) =>
        new()
        {
            ProjectCode = Code,
            Id = id,
            Text = "供水管网未接入",
            Department = department,
            RaisedOn = new DateOnly(2026, 3, 2),
            DueOn = new DateOnly(2026, 3, 16),
            SolvedOn = solvedOn,
        };

    private static StoredProject Stored(
        RegisteredProject? register = null,
        IReadOnlyList<ProgressReport>? progress = null,
        IReadOnlyList<ProjectProblem>? problems = null
    ) => new(register, progress ?? [], problems ?? []);

    [Fact]
    public void A_reserve_project_the_register_shows_started_converts_on_its_start()
    {
        var next = Register(ProjectNature.NewStart, startedOn: new DateOnly(2026, 3, 9));

        var change = For(Department.DevelopmentReform).Decide(new RegisterRow(2, next), Stored(Register(ProjectNature.Reserve)));

        Assert.Equal(new DateOnly(2026, 3, 9), change.Register!.ConvertedOn);
    }

    [Fact]
    public void A_reserve_project_started_without_a_date_converts_on_the_registers_date_and_keeps_that_day_after()
    {
        var decision = For(Department.DevelopmentReform);
        var converted = decision.Decide(new RegisterRow(2, Register(ProjectNature.NewStart)), Stored(Register(ProjectNature.Reserve))).Register!;
        var later = decision.Decide(new RegisterRow(2, Register(ProjectNature.NewStart, asOf: FileDate.AddDays(7))), Stored(converted));

        Assert.Equal(FileDate, converted.ConvertedOn);
        Assert.True(later.ChangesNothing);
    }

    [Fact]
    public void The_same_register_on_a_later_date_changes_nothing_and_a_changed_plan_does()
    {
        var decision = For(Department.DevelopmentReform);
        var stored = Stored(Register(ProjectNature.Continuing));

        Assert.True(decision.Decide(new RegisterRow(2, Register(ProjectNature.Continuing, asOf: FileDate.AddDays(7))), stored).ChangesNothing);
        Assert.Equal(6000, decision.Decide(new RegisterRow(2, Register(ProjectNature.Continuing) with { AnnualPlan = 6000 }), stored).Register!.AnnualPlan);
    }

    [Fact]
    public void A_report_lowering_the_years_figure_is_kept_marked_with_the_earlier_figure_and_told()
    {
        var earlier = new ProgressReport(Code, new DateOnly(2026, 3, 6), 1200);
        var report = new ProgressReport(Code, FileDate, 900);

        var change = For(Department.DevelopmentReform).Decide(new ProgressRow(4, report), Stored(progress: [earlier]));

        Assert.Equal((report, 1200m), (change.Progress, change.LoweredFrom));
        Assert.Equal($"第 4 行：{Code} 本年完成投资 900 万元低于 2026-03-06 报送的 1200 万元，已标记待核实", change.Note.Chinese());
        Assert.Equal(
            $"line 4: {Code} reports 900 万元 done this year, less than the 1200 万元 of 2026-03-06: kept and marked for checking.",
            change.Note.English()
        );
    }

    [Fact]
    public void Less_than_last_years_figure_is_a_new_year_not_a_lowered_figure()
    {
        var change = For(Department.DevelopmentReform)
            .Decide(
                new ProgressRow(4, new ProgressReport(Code, new DateOnly(2026, 1, 9), 100)),
                Stored(progress: [new ProgressReport(Code, new DateOnly(2025, 12, 26), 9000)])
            );

        Assert.Equal((100m, (decimal?)null, (Domain.Text.Reason?)null), (change.Progress!.YearToDate, change.LoweredFrom, change.Note));
    }

    [Fact]
    public void The_same_report_again_changes_nothing()
    {
        var report = new ProgressReport(Code, FileDate, 900, "主体施工");

        Assert.True(For(Department.DevelopmentReform).Decide(new ProgressRow(4, report), Stored(progress: [report])).ChangesNothing);
    }

    [Fact]
    public void A_problem_raised_with_a_report_goes_to_the_registers_unit_due_in_working_days_and_is_raised_once()
    {
        var decision = For(Department.DevelopmentReform);
        var report = new ProgressReport(Code, FileDate, 900, NewProblems: "施工许可证未办理");

        var raised = decision.Decide(new ProgressRow(4, report), Stored(Register(ProjectNature.NewStart))).Problem!;
        var again = decision.Decide(new ProgressRow(4, report), Stored(Register(ProjectNature.NewStart), [report], [raised]));

        // Friday 13 March + 10 working days on the national calendar: Friday 27 March.
        Assert.Equal(
            ("housing", FileDate, new DateOnly(2026, 3, 27), ProjectFileDecision.ProblemIdOf(report)),
            (raised.Department, raised.RaisedOn, raised.DueOn, raised.Id)
        );
        Assert.Matches("^P[0-9a-f]{10}$", raised.Id);
        Assert.True(again.ChangesNothing);
    }

    [Fact]
    public void A_problem_restated_in_a_later_report_is_the_same_problem_and_two_projects_never_share_a_number()
    {
        var decision = For(Department.DevelopmentReform);
        var first = decision
            .Decide(
                new ProgressRow(4, new ProgressReport(Code, FileDate, 900, NewProblems: "施工许可证未办理")),
                Stored(Register(ProjectNature.NewStart))
            )
            .Problem!;
        var oldNumbered = first with { Id = "20260313-4f1fbe" }; // numbered as before: date and a hash of the words

        var restated = decision.Decide(
            new ProgressRow(4, new ProgressReport(Code, FileDate.AddDays(7), 950, NewProblems: " 施工许可证未办理 ")),
            Stored(Register(ProjectNature.NewStart), problems: [oldNumbered])
        );
        var elsewhere = decision
            .Decide(new ProgressRow(4, new ProgressReport("2026-653022-48-01-00456X", FileDate, 10, NewProblems: "施工许可证未办理")), Stored())
            .Problem!;

        Assert.Null(restated.Problem);
        Assert.NotNull(restated.Progress);
        Assert.NotEqual(first.Id, elsewhere.Id);
        Assert.Equal(first.Id, ProjectFileDecision.ProblemIdOf(new ProgressReport(Code, FileDate.AddDays(30), 0, NewProblems: "施工许可证未办理")));
    }

    [Fact]
    public void A_problem_raised_before_the_register_is_routed_to_the_responsible_unit_when_the_register_arrives_whatever_the_order()
    {
        var decision = For(Department.DevelopmentReform);
        var progress = new ProgressRow(4, new ProgressReport(Code, FileDate, 900, NewProblems: "供电接入滞后"));
        var register = new RegisterRow(2, Register(ProjectNature.NewStart));

        // Progress first: the commission holds it, marked; then the register routes it.
        var held = decision.Decide(progress, Stored()).Problem!;
        var routed = decision.Decide(register, Stored(problems: [held]));
        // Register first: the problem goes to the unit at once.
        var direct = decision.Decide(progress, Stored(register.Project)).Problem!;

        Assert.Equal((Department.DevelopmentReform, true), (held.Department, held.AwaitsRegister));
        var moved = Assert.Single(routed.Rerouted);
        Assert.Equal(("housing", false, held.Id), (moved.Department, moved.AwaitsRegister, moved.Id));
        Assert.Equal(register.Project, routed.Register);
        Assert.Equal(("housing", false), (direct.Department, direct.AwaitsRegister));
        Assert.Equal(register.Project.AsOf, moved.AssignedOn); // to be signed for from the day it reached the unit
        Assert.Equal(direct with { Id = moved.Id }, moved with { DueOn = direct.DueOn, AssignedOn = null });
        Assert.True(decision.Decide(register, Stored(register.Project, problems: [moved])).ChangesNothing);
    }

    [Fact]
    public void A_problem_raised_before_the_project_is_registered_is_the_commissions()
    {
        var change = For(Department.DevelopmentReform).Decide(new ProgressRow(4, new ProgressReport(Code, FileDate, 0, NewProblems: "用地未落实")), Stored());

        Assert.Equal(Department.DevelopmentReform, change.Problem!.Department);
    }

    [Fact]
    public void A_department_raises_only_its_own_problems_and_the_commission_any()
    {
        var row = new ProblemRow(3, Code, "P-1") { Text = "电力接入滞后", Department = "power" };

        var byHousing = For("housing").Decide(row, Stored());
        var byCommission = For(Department.DevelopmentReform).Decide(row, Stored());
        var byPower = For("power").Decide(row with { RaisedOn = new DateOnly(2026, 3, 10), DueWorkingDays = 3 }, Stored());

        Assert.Equal((3, "P-1"), (byHousing.Refused!.Line, byHousing.Refused.Value));
        Assert.Contains("a department may raise only its own problems, not power's", byHousing.Refused.Reason.English());
        Assert.Equal(
            ("power", FileDate, new DateOnly(2026, 3, 27)),
            (byCommission.Problem!.Department, byCommission.Problem.RaisedOn, byCommission.Problem.DueOn)
        );
        Assert.Equal(new DateOnly(2026, 3, 13), byPower.Problem!.DueOn);
    }

    [Fact]
    public void A_new_problem_without_its_text_is_refused()
    {
        var change = For(Department.DevelopmentReform).Decide(new ProblemRow(3, Code, "P-2") { Department = "power" }, Stored());

        Assert.Contains("a new problem needs its text", change.Refused!.Reason.English());
        Assert.True(change.ChangesNothing);
    }

    [Fact]
    public void A_department_closes_only_its_own_problem_and_the_commission_closes_and_rewords_any()
    {
        var stored = Stored(problems: [Problem("P-1", "power")]);
        var close = new ProblemRow(3, Code, "P-1") { Solved = true, SolvedOn = FileDate, SolvedBy = "王强", Text = "电力接入已完成" };

        var byHousing = For("housing").Decide(close, stored);
        var byPower = For("power").Decide(close, stored);
        var byCommission = For(Department.DevelopmentReform).Decide(close, stored);

        Assert.Contains("the problem is power's to solve, not housing's", byHousing.Refused!.Reason.English());
        Assert.Equal((FileDate, "王强", "供水管网未接入"), (byPower.Problem!.SolvedOn, byPower.Problem.SolvedBy, byPower.Problem.Text));
        Assert.Equal("电力接入已完成", byCommission.Problem!.Text);
    }

    [Fact]
    public void A_problem_closed_before_it_was_raised_is_refused_and_one_closed_again_the_same_way_changes_nothing()
    {
        var stored = Stored(problems: [Problem("P-1", "power", solvedOn: FileDate)]);

        var early = For("power").Decide(new ProblemRow(3, Code, "P-1") { Solved = true, SolvedOn = new DateOnly(2026, 2, 27) }, stored);
        var again = For("power").Decide(new ProblemRow(3, Code, "P-1") { Solved = true, SolvedOn = FileDate }, stored);

        Assert.Contains("closed before it was raised", early.Refused!.Reason.English());
        Assert.True(again.ChangesNothing);
    }
}
