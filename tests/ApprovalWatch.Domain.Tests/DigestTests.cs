using ApprovalWatch.Domain.Catalogue;
using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Domain.Digests;
using ApprovalWatch.Domain.Staff;
using ApprovalWatch.Presentation.Digests;
using ApprovalWatch.Testing;

namespace ApprovalWatch.Domain.Tests;

public class DigestTests
{
    private static readonly DateOnly Today = new(2026, 3, 16);

    private static readonly StaffDirectory Staff = new(
    [
        new Person("zhang@x.org", "张伟", "housing", Role.Handler),
        new Person("li@x.org", "李娜", "housing", Role.Handler),
        new Person("head@x.org", "刘建国", "housing", Role.Head),
        new Person("leader@x.org", "赵德明", "housing", Role.Leader),
        new Person("nr-head@x.org", "孙强", "natural-resources", Role.Head),
        new Person("coord@x.org", "徐明", Department.DevelopmentReform, Role.Coordinator),
    ]);

    private static ProcedureLine Line(string procedure, string handler, Flag flag, int left, string department = "housing") =>
        TestLines.Procedure(procedure, handler, flag, left, department) with
        {
            ChineseName = "施工图设计文件审查",
            EnglishName = "Construction drawing review",
            DueOn = new DateOnly(2026, 2, 28),
        };

    [Fact]
    public void Each_recipient_gets_one_digest_up_the_ladder()
    {
        var digests = DigestPlanner.Plan(
            Today,
            [
                Line("A", "zhang@x.org", Flag.Yellow, 2),
                Line("B", "zhang@x.org", Flag.Red, -1),
                Line("C", "li@x.org", Flag.Red, -6),
                Line("D", "li@x.org", Flag.Green, 10),
            ],
            Staff,
            new EscalationLadder()
        );

        var byRecipient = digests.ToDictionary(
            d => d.RecipientEmail,
            d => d.Sections.ToDictionary(s => s.Reason, s => s.Lines.Select(l => l.ItemCode).ToArray())
        );
        Assert.Equal(["coord@x.org", "head@x.org", "leader@x.org", "li@x.org", "zhang@x.org"], byRecipient.Keys.Order());
        Assert.Equal(["B", "A"], byRecipient["zhang@x.org"][DigestReason.Handler]);
        Assert.Equal(["C"], byRecipient["li@x.org"][DigestReason.Handler]);
        Assert.Equal(["C", "B"], byRecipient["head@x.org"][DigestReason.DepartmentHead]);
        Assert.Equal(["C"], byRecipient["leader@x.org"][DigestReason.LeaderInCharge]);
        Assert.Equal(["C"], byRecipient["coord@x.org"][DigestReason.Coordinator]);
        Assert.Equal("张伟", digests.Single(d => d.RecipientEmail == "zhang@x.org").RecipientName);
    }

    [Fact]
    public void A_department_head_hears_only_of_his_own_department()
    {
        var digests = DigestPlanner.Plan(Today, [Line("E", "zhang@x.org", Flag.Red, -2, "natural-resources")], Staff, new EscalationLadder());
        Assert.Equal(["nr-head@x.org", "zhang@x.org"], digests.Select(d => d.RecipientEmail).Order());
    }

    [Fact]
    public void Green_procedures_reach_nobody()
    {
        Assert.Empty(DigestPlanner.Plan(Today, [Line("D", "li@x.org", Flag.Green, 10)], Staff, new EscalationLadder()));
    }

    [Fact]
    public void The_ladder_thresholds_are_configurable()
    {
        var ladder = new EscalationLadder
        {
            Rungs =
            [
                new(0, new HashSet<EscalationRole> { EscalationRole.Handler }),
                new(3, new HashSet<EscalationRole> { EscalationRole.Handler, EscalationRole.Head }),
                new(4, new HashSet<EscalationRole> { EscalationRole.Handler, EscalationRole.Head, EscalationRole.Leader }),
            ],
        };
        var digests = DigestPlanner.Plan(Today, [Line("B", "zhang@x.org", Flag.Red, -2), Line("C", "zhang@x.org", Flag.Red, -4)], Staff, ladder);
        Assert.Equal(["C"], digests.Single(d => d.RecipientEmail == "head@x.org").Lines.Select(l => l.ItemCode));
        Assert.Equal(["C"], digests.Single(d => d.RecipientEmail == "leader@x.org").Lines.Select(l => l.ItemCode));
    }

    [Fact]
    public void Every_rendered_line_shows_task_responsibility_and_time_limit_in_the_recipients_one_language()
    {
        var digest = DigestPlanner
            .Plan(Today, [Line("HC-01", "zhang@x.org", Flag.Red, -11) with { ProjectName = "学校 <一期> & 配套" }], Staff, new EscalationLadder())
            .Single(d => d.RecipientEmail == "zhang@x.org");

        var chinese = DigestTemplates.BuiltIn.Render(digest, Language.Chinese);
        var english = DigestTemplates.BuiltIn.Render(digest, Language.English);

        Assert.Equal(
            "【审批时限提醒】2026-03-16 超期 1 项、临期 0 项；最紧急：学校 <一期> & 配套 施工图设计文件审查（超期 11 个工作日）",
            chinese.Subject
        );
        Assert.Equal(
            "Approval deadlines 2026-03-16: 1 overdue, 0 due soon; most urgent: 学校 <一期> & 配套, Construction drawing review (11 working days overdue)",
            english.Subject
        );
        foreach (
            var expected in new[]
            {
                "2022-653001-48-01-00123X",
                "施工图设计文件审查",
                "住房和城乡建设局",
                "zhang@x.org",
                "2026-02-02",
                "2026-02-28",
                "超期 11 个工作日",
            }
        )
        {
            Assert.Contains(expected, chinese.Text);
            Assert.Contains(expected, chinese.Html);
        }

        foreach (var expected in new[] { "Construction drawing review", "Housing & Construction", "11 working days overdue", "Dear 张伟" })
        {
            Assert.Contains(expected, english.Text);
        }

        Assert.DoesNotContain("Dear", chinese.Text);
        Assert.DoesNotContain("施工图设计文件审查", english.Text.Replace(english.Subject, "", StringComparison.Ordinal));
        Assert.Contains("学校 &lt;一期&gt; &amp; 配套", chinese.Html);
        Assert.DoesNotContain("<一期>", chinese.Html);
    }

    [Fact]
    public void Past_the_statutory_limit_a_procedure_climbs_one_rung_higher()
    {
        var line = Line("B", "zhang@x.org", Flag.Red, -1) with { PastStatutory = true };
        Assert.Equal(2, new EscalationLadder().RungOf(line));
        var digests = DigestPlanner.Plan(Today, [line], Staff, new EscalationLadder());
        Assert.Equal(["coord@x.org", "head@x.org", "leader@x.org", "zhang@x.org"], digests.Select(d => d.RecipientEmail).Order());
    }

    [Fact]
    public void A_project_at_risk_goes_to_the_leaders_of_the_departments_holding_it_and_the_coordinator()
    {
        var project = new ProjectLine
        {
            ProjectCode = "2022-653001-48-01-00123X",
            ProjectName = "阿图什市新城学校建设项目",
            Stage = 0,
            ChineseName = "审批全流程（首次受理至施工许可）",
            EnglishName = "whole approval process (first acceptance to construction permit)",
            StartedOn = new DateOnly(2026, 2, 2),
            DueOn = new DateOnly(2026, 3, 20),
            LimitDays = 120,
            Flag = Flag.Yellow,
            WorkingDaysLeft = 4,
            HoldingDepartments = ["housing"],
        };
        var digests = DigestPlanner.Plan(Today, [project], Staff, new EscalationLadder());

        Assert.Equal(["coord@x.org", "leader@x.org"], digests.Select(d => d.RecipientEmail).Order());
        Assert.All(digests, d => Assert.Equal(DigestReason.ProjectAtRisk, Assert.Single(d.Sections).Reason));
        var mail = DigestTemplates.BuiltIn.Render(digests[0], Language.Chinese);
        Assert.Contains("审批全流程（首次受理至施工许可）", mail.Text);
        Assert.Contains("待办部门 住房和城乡建设局", mail.Text);
    }

    [Fact]
    public void Extensions_pauses_and_the_statutory_limit_show_in_every_line()
    {
        var line = Line("HC-01", "zhang@x.org", Flag.Yellow, 2) with
        {
            ExtensionDays = 10,
            PausedWorkingDays = 3,
            StatutoryDays = 20,
            StatutoryDueOn = new DateOnly(2026, 3, 20),
        };
        var digest = DigestPlanner.Plan(Today, [line], Staff, new EscalationLadder()).Single();
        var mail = DigestTemplates.BuiltIn.Render(digest, Language.Chinese);
        foreach (var text in new[] { mail.Text, mail.Html })
        {
            Assert.Contains("2026-02-02 受理，承诺 15 个工作日，应于 2026-02-28 办结；法定 20 个工作日（2026-03-20）；延长 10 个工作日；暂停不计 3 个工作日", text);
        }

        Assert.Contains(
            "accepted 2026-02-02, promised 15 working days, due 2026-02-28; statutory 20 (2026-03-20); extended by 10; 3 paused days not counted",
            DigestTemplates.BuiltIn.Render(digest, Language.English).Text
        );
    }

    [Fact]
    public void A_digest_goes_out_on_a_working_day_and_on_a_day_off_only_when_asked_and_critical()
    {
        Digest On(DateOnly day, int left) =>
            new(day, "a@x.org", "A", [new DigestSection(DigestReason.Handler, [TestLines.Procedure("HC-01", "a@x.org", Flag.Red, left)])]);
        var (monday, saturday) = (new DateOnly(2026, 3, 16), new DateOnly(2026, 3, 21));
        var ladder = EscalationLadder.Default;
        var critical = -(ladder.WeeklyReportOverdueDays ?? 10);

        Assert.True(DigestPlanner.IsSentOn(On(monday, 2), OfficialCalendars.National, ladder, criticalOnDaysOff: false));
        Assert.False(DigestPlanner.IsSentOn(On(saturday, critical), OfficialCalendars.National, ladder, criticalOnDaysOff: false));
        Assert.False(DigestPlanner.IsSentOn(On(saturday, -1), OfficialCalendars.National, ladder, criticalOnDaysOff: true));
        Assert.True(DigestPlanner.IsSentOn(On(saturday, critical), OfficialCalendars.National, ladder, criticalOnDaysOff: true));
    }
}
