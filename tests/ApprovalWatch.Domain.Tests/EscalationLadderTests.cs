using ApprovalWatch.Domain.Catalogue;
using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Domain.Digests;
using ApprovalWatch.Domain.Staff;
using ApprovalWatch.Testing;

namespace ApprovalWatch.Domain.Tests;

public class EscalationLadderTests
{
    private static readonly ProcedureCatalogue Catalogue = new(
    [
        new CatalogueEntry("HC-01", "施工图设计文件审查", "Construction drawing review", "housing", 2, 20, 15),
        new CatalogueEntry("NR-01", "用地预审", "Land-use pre-review", "natural-resources", 1, 20, 10),
    ]);

    private static readonly StaffDirectory Staff = new(
    [
        new Person("zhang@x.org", "张伟", "housing", Role.Handler),
        new Person("head@x.org", "刘建国", "housing", Role.Head),
        new Person("leader@x.org", "赵德明", "housing", Role.Leader),
        new Person("coord@x.org", "徐明", Department.DevelopmentReform, Role.Coordinator),
    ]);

    private static ProcedureLine Line(Flag flag, int left, string procedure = "HC-01", int stage = 2, string handler = "zhang@x.org") =>
        TestLines.Procedure(procedure, handler, flag, left) with { Stage = stage };

    private static string[] Reached(DigestLine line, EscalationLadder? ladder = null) =>
        DigestPlanner.Route(line, Staff, ladder ?? EscalationLadder.Default).Select(r => $"{r.To}:{r.Reason}").Order().ToArray();

    [Theory]
    [InlineData(Flag.Yellow, 2, 0)] // due soon
    [InlineData(Flag.Yellow, 0, 0)] // due today
    [InlineData(Flag.Red, -1, 1)]
    [InlineData(Flag.Red, -4, 1)]
    [InlineData(Flag.Red, -5, 2)]
    [InlineData(Flag.Red, -9, 2)]
    [InlineData(Flag.Red, -10, 3)]
    [InlineData(Flag.Red, -40, 3)]
    public void The_default_ladder_has_its_rungs_at_1_5_and_10_working_days_overdue(Flag flag, int left, int rung)
    {
        Assert.Equal(rung, EscalationLadder.Default.RungOf(Line(flag, left)));
    }

    [Fact]
    public void Each_rung_reaches_the_roles_it_names()
    {
        Assert.Equal(["zhang@x.org:Handler"], Reached(Line(Flag.Yellow, 1)));
        Assert.Equal(["head@x.org:DepartmentHead", "zhang@x.org:Handler"], Reached(Line(Flag.Red, -1)));
        Assert.Equal(
            ["coord@x.org:Coordinator", "head@x.org:DepartmentHead", "leader@x.org:LeaderInCharge", "zhang@x.org:Handler"],
            Reached(Line(Flag.Red, -5))
        );
        Assert.Contains(EscalationRole.WeeklyReport, EscalationLadder.Default.RolesOf(Line(Flag.Red, -10)));
        Assert.DoesNotContain(EscalationRole.WeeklyReport, EscalationLadder.Default.RolesOf(Line(Flag.Red, -9)));
    }

    [Fact]
    public void The_leader_in_charge_of_a_registered_project_gets_its_lines_instead_of_the_departments_leaders()
    {
        var line = Line(Flag.Red, -5);
        string[] ReachedWith(Func<string, string?> leaderOf) =>
            DigestPlanner
                .Route(line, Staff, EscalationLadder.Default, leaderOf)
                .Where(r => r.Reason is DigestReason.LeaderInCharge or DigestReason.Coordinator)
                .Select(r => $"{r.To}:{r.Reason}")
                .Order()
                .ToArray();

        Assert.Equal(
            ["coord@x.org:Coordinator", "other.leader@x.org:LeaderInCharge"],
            ReachedWith(code => code == line.ProjectCode ? "other.leader@x.org" : null)
        );
        Assert.Equal(["coord@x.org:Coordinator", "leader@x.org:LeaderInCharge"], ReachedWith(_ => null)); // not in the register: the department's leaders
    }

    [Fact]
    public void An_open_problem_reaches_its_departments_head_and_climbs_to_the_leader_and_coordinator_when_overdue()
    {
        // Signed for the day it was raised (a problem waiting to be signed for is a line from the start: ProblemSignatureTests).
        var problem = new Domain.Projects.ProjectProblem
        {
            ProjectCode = "2026-653001-48-01-00123X",
            Id = "WT-1",
            Text = "征地",
            Department = "housing",
            RaisedOn = new(2026, 3, 2),
            DueOn = new(2026, 3, 6),
        }.SignedFor("刘建国", new(2026, 3, 2));
        ProblemLine? On(DateOnly day, Domain.Projects.ProjectProblem? p = null) =>
            ProblemLine.Of(p ?? problem, "学校", OfficialCalendars.National, day, 3);
        string[] Routed(DigestLine line) =>
            DigestPlanner.Route(line, Staff, EscalationLadder.Default).Select(r => $"{r.To}:{r.Reason}").Order().ToArray();

        Assert.Null(On(new(2026, 3, 2))); // four working days left: not due soon yet
        var dueSoon = On(new(2026, 3, 4))!;
        Assert.Equal((Flag.Yellow, 2), (dueSoon.Flag, dueSoon.WorkingDaysLeft));
        Assert.Equal(["head@x.org:DepartmentHead"], Routed(dueSoon));
        var late = On(new(2026, 3, 13))!; // 9 to 13 March: five working days past
        Assert.Equal((Flag.Red, -5), (late.Flag, late.WorkingDaysLeft));
        Assert.Equal(["coord@x.org:Coordinator", "head@x.org:DepartmentHead", "leader@x.org:LeaderInCharge"], Routed(late));
        Assert.Null(On(new(2026, 3, 13), problem with { SolvedOn = new(2026, 3, 12), SolvedBy = "刘建国" }));
    }

    [Fact]
    public void Past_the_statutory_limit_one_rung_higher_but_never_above_the_top()
    {
        Assert.Equal(1, EscalationLadder.Default.RungOf(Line(Flag.Red, 0) with { PastStatutory = true }));
        Assert.Equal(2, EscalationLadder.Default.RungOf(Line(Flag.Red, -4) with { PastStatutory = true }));
        Assert.Equal(3, EscalationLadder.Default.RungOf(Line(Flag.Red, -12) with { PastStatutory = true }));
    }

    [Fact]
    public void Yellow_in_two_separate_warning_periods_or_overdue_in_three_weeks_climbs_one_rung()
    {
        Assert.Equal(0, EscalationLadder.Default.RungOf(Line(Flag.Yellow, 2) with { YellowPeriods = 1 }));
        Assert.Equal(1, EscalationLadder.Default.RungOf(Line(Flag.Yellow, 2) with { YellowPeriods = 2 }));
        Assert.Equal(["head@x.org:DepartmentHead", "zhang@x.org:Handler"], Reached(Line(Flag.Yellow, 2) with { YellowPeriods = 2 }));
        Assert.Equal(1, EscalationLadder.Default.RungOf(Line(Flag.Red, -2) with { OverdueWeeks = 2 }));
        Assert.Equal(2, EscalationLadder.Default.RungOf(Line(Flag.Red, -2) with { OverdueWeeks = 3 }));
        // One climb, whichever count earns it.
        Assert.Equal(2, EscalationLadder.Default.RungOf(Line(Flag.Red, -2) with { OverdueWeeks = 3, YellowPeriods = 2 }));
        Assert.Equal(1, (EscalationLadder.Default with { ClimbAfterOverdueWeeks = 0 }).RungOf(Line(Flag.Red, -2) with { OverdueWeeks = 30 }));
    }

    [Fact]
    public void The_counts_grow_once_per_warning_period_and_once_per_week_whatever_the_number_of_scans()
    {
        var monday = new DateOnly(2026, 3, 16);
        var counts = new EscalationCounts()
            .After(Flag.Green, Flag.Yellow, monday) // period one begins
            .After(Flag.Yellow, Flag.Yellow, monday) // the same scan again
            .After(Flag.Yellow, Flag.Yellow, monday.AddDays(1))
            .After(Flag.Yellow, Flag.Green, monday.AddDays(2)) // extended: green again
            .After(Flag.Green, Flag.Yellow, monday.AddDays(7)); // period two
        Assert.Equal(2, counts.YellowPeriods);

        counts = counts
            .After(Flag.Yellow, Flag.Red, monday.AddDays(8))
            .After(Flag.Red, Flag.Red, monday.AddDays(9))
            .After(Flag.Red, Flag.Red, monday.AddDays(14));
        Assert.Equal((2, "2026-W14"), (counts.OverdueWeeks, counts.LastOverdueWeek));
    }

    [Fact]
    public void A_procedure_override_wins_over_its_stage_and_the_stage_over_the_ladder()
    {
        var ladder = EscalationLadderFile.Parse("""
            {
              "rungs": [ { "overdueDays": 0, "notify": ["handler"] }, { "overdueDays": 3, "notify": ["handler", "head"] } ],
              "overrides": [
                { "stage": 2, "rungs": [ { "overdueDays": 0, "notify": ["handler", "head"] } ] },
                { "procedure": "HC-01", "rungs": [ { "overdueDays": 0, "notify": ["handler"] }, { "overdueDays": 1, "notify": ["coordinator"] } ] }
              ],
              "climb": { "yellowPeriods": 0, "overdueWeeks": 0 }
            }
            """, Catalogue);

        Assert.Equal(["coord@x.org:Coordinator"], Reached(Line(Flag.Red, -1), ladder));
        Assert.Equal(["head@x.org:DepartmentHead", "zhang@x.org:Handler"], Reached(Line(Flag.Yellow, 2, procedure: "HC-02"), ladder));
        Assert.Equal(["zhang@x.org:Handler"], Reached(Line(Flag.Red, -2, procedure: "HC-03", stage: 3), ladder));
        Assert.Equal(["head@x.org:DepartmentHead", "zhang@x.org:Handler"], Reached(Line(Flag.Red, -3, procedure: "HC-03", stage: 3), ladder));
    }

    [Theory]
    [InlineData("{ \"rungs\": [] }", "at least one rung")]
    [InlineData("{ \"rungs\": [ { \"overdueDays\": 2, \"notify\": [\"handler\"] } ] }", "starts at overdueDays 0")]
    [InlineData("{ \"rungs\": [ { \"overdueDays\": 0, \"notify\": [\"handler\"] }, { \"overdueDays\": 0, \"notify\": [\"head\"] } ] }", "does not come after")]
    [InlineData("{ \"rungs\": [ { \"overdueDays\": 0, \"notify\": [\"mayor\"] } ] }", "not valid")]
    [InlineData("{ \"rungs\": [ { \"overdueDays\": 0, \"notify\": [] } ] }", "names no role")]
    [InlineData(
        "{ \"rungs\": [ { \"overdueDays\": 0, \"notify\": [\"handler\"] } ], \"overrides\": [ { \"procedure\": \"XX-99\", \"rungs\": [ { "
            + "\"overdueDays\": 0, \"notify\": [\"handler\"] } ] } ] }",
        "XX-99 is not in the catalogue"
    )]
    [InlineData(
        "{ \"rungs\": [ { \"overdueDays\": 0, \"notify\": [\"handler\"] } ], \"overrides\": [ { \"stage\": 7, \"rungs\": [ { \"overdueDays\": 0, "
            + "\"notify\": [\"handler\"] } ] } ] }",
        "stage 7"
    )]
    [InlineData("{ \"rungs\": [ { \"overdueDays\": 0, \"notify\": [\"handler\"] } ], \"climb\": { \"yellowPeriods\": -1 } }", "negative")]
    [InlineData("{ \"rungz\": [] }", "not valid")]
    [InlineData("not json", "not valid")]
    public void A_bad_ladder_file_is_refused_with_the_reason(string json, string reason)
    {
        var error = Assert.Throws<FormatException>(() => EscalationLadderFile.Parse(json, Catalogue));
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void An_unknown_or_missing_handler_never_drops_an_alert()
    {
        Assert.Equal(["head@x.org:NoKnownHandler", "new.person@x.org:Handler"], Reached(Line(Flag.Yellow, 1, handler: "new.person@x.org")));
        Assert.Equal(["head@x.org:NoKnownHandler"], Reached(Line(Flag.Yellow, 1, handler: "")));
        Assert.Equal(["head@x.org:DepartmentHead", "head@x.org:NoKnownHandler"], Reached(Line(Flag.Red, -2, handler: "")));
    }
}
