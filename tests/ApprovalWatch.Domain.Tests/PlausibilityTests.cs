using ApprovalWatch.Testing;
using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Domain.Projects;
using ApprovalWatch.Domain.Weekly;
using ApprovalWatch.Presentation;
using ApprovalWatch.Presentation.Weekly;

namespace ApprovalWatch.Domain.Tests;

/// <summary>Each check fires on an implausible row and not on a plausible neighbour; the row is applied either way.</summary>
public class PlausibilityTests
{
    private const string Basis = "《中华人民共和国行政许可法》第四十二条";

    private const string Code = "2026-653001-48-01-00123X";

    private static readonly RegisteredProject Project = new()
    {
        Code = Code, Name = "学校", County = "阿图什市", Nature = ProjectNature.Continuing, TotalInvestment = 3000, AnnualPlan = 1000,
        LeaderEmail = "zheng.hai@kizilsu.example.org", ResponsibleUnit = "housing",
    };

    private static string[] Checks(RegisteredProject project, decimal ytd, string physical = "") =>
        [.. Plausibility.Of(project, new ProgressReport(Code, new(2026, 3, 13), ytd, physical)).Select(w => w.Check)];

    [Theory]
    [InlineData(3001, Plausibility.OverTotal)]
    [InlineData(1501, Plausibility.FarAbovePlan)]
    public void A_figure_above_the_total_or_far_above_the_plan_is_doubted(decimal ytd, string check)
    {
        Assert.Equal([check], Checks(Project, ytd));
        Assert.Empty(Checks(Project, 1500)); // one and a half times the plan: possible
    }

    [Fact]
    public void Investment_by_a_project_not_started_is_doubted_and_after_its_start_it_is_not()
    {
        var notStarted = Project with { Nature = ProjectNature.NewStart, StartedOn = null };
        Assert.Equal([Plausibility.NotStarted], Checks(notStarted, 300));
        Assert.Equal([Plausibility.NotStarted], Checks(Project with { Nature = ProjectNature.Reserve }, 300));
        Assert.Empty(Checks(notStarted with { StartedOn = new(2026, 3, 2) }, 300));
        Assert.Empty(Checks(notStarted, 0));
    }

    [Fact]
    public void A_completed_project_reporting_early_stage_works_is_doubted()
    {
        var completed = Project with { Nature = ProjectNature.Completed };
        Assert.Equal([Plausibility.CompletedEarlyStage], Checks(completed, 900, "主体结构施工"));
        Assert.Empty(Checks(completed, 900, "竣工验收备案"));
        Assert.Empty(Checks(Project, 900, "主体结构施工")); // continuing: of course
    }

    [Fact]
    public void A_standing_doubt_dates_from_the_first_report_of_the_run_and_a_procedure_file_naming_the_project_otherwise_is_doubted()
    {
        var progress = new[]
        {
            new ProgressReport(Code, new(2026, 2, 27), 1200),
            new ProgressReport(Code, new(2026, 3, 6), 3100), // above the total from here on
            new ProgressReport(Code, new(2026, 3, 13), 3200),
        };
        var facts = new ProcedureFacts(
            Code,
            "阿图什市学校",
            "HC-01",
            "housing",
            "阿图什市",
            "a@b.org",
            Flag.Green,
            new(2026, 3, 2),
            null,
            null,
            false
        );

        var standing = Plausibility.Standing(
            [Project],
            progress,
            [facts, facts with { ProcedureCode = "HC-02" }, facts with { ProjectName = "学校", Department = "finance" }],
            new(2026, 3, 15)
        );

        Assert.Equal(
            [(Plausibility.OverTotal, (DateOnly?)new DateOnly(2026, 3, 6), "housing"), (Plausibility.NamedOtherwise, null, "housing")],
            standing.Select(w => (w.Check, w.Since, w.Department))
        );
        Assert.Equal("本年完成投资 3,200 万元超过总投资 3,000 万元", CheckText.Say(standing[0], Words.Chinese));
        Assert.Contains("阿图什市学校", CheckText.Say(standing[1], Words.English));
        Assert.Contains("applied, to be checked", Plausibility.Note(standing[0], 4).English());
    }

    [Fact]
    public void A_procedure_approved_while_one_it_requires_was_not_accepted_is_doubted_for_both_departments()
    {
        var catalogue = Catalogue.ProcedureCatalogue.Parse(new StringReader("""
            code,name_zh,name_en,department,stage,statutory_days,promised_days,requires,basis
            NR-03,建设工程规划许可证,Construction-works planning permit,natural-resources,2,20,10,,《中华人民共和国行政许可法》第四十二条
            HC-02,建筑工程施工许可证,Construction permit,housing,3,15,7,NR-03,《中华人民共和国行政许可法》第四十二条
            """));
        ProcedureFacts Facts(string code, string department, DateOnly accepted, DateOnly? completed) =>
            new(Code, "学校", code, department, "阿图什市", "a@b.org", Flag.Green, accepted, null, completed, false);
        var permit = Facts("HC-02", "housing", new(2026, 3, 2), new(2026, 3, 10));

        var alone = Plausibility.Standing([], [], [permit], new(2026, 3, 15), catalogue);
        var later = Plausibility.Standing([], [], [permit, Facts("NR-03", "natural-resources", new(2026, 3, 12), null)], new(2026, 3, 15), catalogue);
        var before = Plausibility.Standing([], [], [permit, Facts("NR-03", "natural-resources", new(2026, 3, 2), null)], new(2026, 3, 15), catalogue);

        Assert.Equal(["housing", "natural-resources"], alone.Select(w => w.Department).Order());
        Assert.All(alone, w =>
            Assert.Equal((Plausibility.ApprovedBeforeRequired, "HC-02 ← NR-03", (DateOnly?)new DateOnly(2026, 3, 10)), (w.Check, w.Detail, w.Since))
        );
        Assert.Equal(2, later.Count); // accepted only after the permit it should come before
        Assert.Empty(before);
        Assert.Throws<FormatException>(() =>
            Catalogue.ProcedureCatalogue.Parse(
                new StringReader($"code,name_zh,name_en,department,stage,statutory_days,promised_days,requires,basis\nHC-02,a,b,housing,3,15,7,XX-99,{Basis}\n")
            )
        );
    }

    [Fact]
    public void A_check_left_standing_three_weeks_since_a_report_first_raised_it_climbs_to_the_leader_in_charge()
    {
        var light = new ProjectLight(Code, "学校", "阿图什市", "郑海", "housing", WeeklyCalculator.Green, 0.5m, []);
        // The rows' own dates are older than any report: what counts is the report that first listed each.
        DataWarning Reported(DateOnly first, string check) => new(Code, "学校", check, new DateOnly(2026, 1, 9), "housing") { FirstReported = first };

        var sections = LeaderMeeting.Of(
            [light],
            0.2m,
            checks: ([Reported(new(2026, 2, 22), Plausibility.OverTotal), Reported(new(2026, 3, 8), Plausibility.NotStarted)], new DateOnly(2026, 3, 15))
        );

        Assert.Equal(1, Assert.Single(sections).StaleChecks); // three weeks since its first report: his; one week: not yet
    }

    [Fact]
    public void A_pause_longer_than_its_procedures_whole_statutory_limit_is_doubted()
    {
        var catalogue = Catalogue.ProcedureCatalogue.Parse(
            new StringReader($"code,name_zh,name_en,department,stage,statutory_days,promised_days,basis\nHC-01,施工图审查,Drawings review,housing,2,20,15,{Basis}\n")
        );
        ProcedureFacts Paused(DateOnly from, DateOnly? to) =>
            new(
                Code,
                "学校",
                "HC-01",
                "housing",
                "阿图什市",
                "a@b.org",
                Flag.Paused,
                new(2026, 1, 5),
                null,
                null,
                false,
                [new Deadlines.Pause(from, to, "补正")]
            );
        IReadOnlyList<DataWarning> Checks(ProcedureFacts p) =>
            Plausibility.Standing([], [], [p], new(2026, 3, 15), catalogue, Testing.OfficialCalendars.National);

        var still = Assert.Single(Checks(Paused(new(2026, 2, 2), null))); // still paused: 25 working days by Sunday 15 March, Spring Festival left out
        Assert.Equal((Plausibility.LongPause, 25m, 20m), (still.Check, still.Value, still.Limit));
        Assert.Empty(Checks(Paused(new(2026, 3, 2), new(2026, 3, 6))));
    }

    [Fact]
    public void A_file_is_told_of_the_contradiction_it_brings_whichever_department_sends_it()
    {
        var catalogue = Catalogue.ProcedureCatalogue.Parse(new StringReader("""
            code,name_zh,name_en,department,stage,statutory_days,promised_days,requires,basis
            NR-03,建设工程规划许可证,Construction-works planning permit,natural-resources,2,20,10,,《中华人民共和国行政许可法》第四十二条
            HC-02,建筑工程施工许可证,Construction permit,housing,3,15,7,NR-03,《中华人民共和国行政许可法》第四十二条
            """));
        Procedure Of(string code, string department, DateOnly accepted, DateOnly? completed) => new()
        {
            ProjectCode = Code, ProcedureCode = code, Department = department, AcceptedOn = accepted, CompletedOn = completed,
            Status = completed is null ? ProcedureStatus.InReview : ProcedureStatus.Approved, LimitDays = 15, HandlerEmail = "a@b.org",
            AsOf = new DateTimeOffset(2026, 3, 13, 0, 0, 0, TimeSpan.Zero),
        };
        var permit = Of("HC-02", "housing", new(2026, 3, 2), new(2026, 3, 10));
        var planning = Of("NR-03", "natural-resources", new(2026, 3, 12), null);
        var after = new Dictionary<string, Procedure> { ["HC-02"] = permit, ["NR-03"] = planning };

        var byHousing = FileContradictions.Of([new(4, permit, permit with { CompletedOn = null })], after, catalogue);
        var byNaturalResources = FileContradictions.Of([new(7, planning, null)], after, catalogue);
        var inOrder = FileContradictions.Of([new(7, planning with { AcceptedOn = new(2026, 3, 1) }, null)], new Dictionary<string, Procedure>
        {
            ["HC-02"] = permit,
            ["NR-03"] = planning with { AcceptedOn = new(2026, 3, 1) },
        }, catalogue);

        Assert.Equal((4, $"line 4: {Code} HC-02 is approved on 2026-03-10 while NR-03, which must come before it, was not accepted: applied, to be checked."),
            (Assert.Single(byHousing).Line, Assert.Single(byHousing).Note.English()));
        Assert.Equal((7, Assert.Single(byHousing).Note.English().Replace("line 4", "line 7", StringComparison.Ordinal)),
            (Assert.Single(byNaturalResources).Line, Assert.Single(byNaturalResources).Note.English()));
        Assert.Empty(inOrder);
    }
}
