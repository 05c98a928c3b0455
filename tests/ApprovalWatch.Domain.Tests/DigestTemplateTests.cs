using ApprovalWatch.Domain.Catalogue;
using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Domain.Digests;
using ApprovalWatch.Domain.Staff;
using ApprovalWatch.Presentation.Digests;
using ApprovalWatch.Testing;

namespace ApprovalWatch.Domain.Tests;

public class DigestTemplateTests
{
    private static readonly StaffDirectory Staff = new(
    [
        new Person("zhang@x.org", "张伟", "housing", Role.Handler),
        new Person("head@x.org", "刘建国", "housing", Role.Head),
        new Person("coord@x.org", "徐明", Department.DevelopmentReform, Role.Coordinator),
    ]);

    private static ProcedureLine Line(string procedure, string handler, Flag flag, int left) => TestLines.Procedure(procedure, handler, flag, left);

    [Fact]
    public void A_department_head_reads_his_lines_by_handler_and_a_coordinator_by_department_with_the_rest_counted()
    {
        var digests = DigestPlanner.Plan(
            new DateOnly(2026, 3, 16),
            [Line("A", "zhang@x.org", Flag.Red, -2), Line("B", "li@x.org", Flag.Red, -6), Line("C", "zhang@x.org", Flag.Red, -7)],
            Staff,
            EscalationLadder.Default
        );

        var head = DigestTemplates.BuiltIn.Render(digests.Single(d => d.RecipientEmail == "head@x.org"), Language.English).Text;
        Assert.Contains("zhang@x.org\n", head);
        Assert.Contains("li@x.org\n", head);
        Assert.Contains("Procedures of your department whose handler is missing or not in the directory", head); // li is not in the directory

        var coordinator = digests.Single(d => d.RecipientEmail == "coord@x.org") with { Departments = [new DepartmentCount("housing", 5, 4)] };
        var text = DigestTemplates.BuiltIn.Render(coordinator, Language.English).Text;
        Assert.Contains("Housing & Construction — and 3 other overdue, 4 due soon", text);
        Assert.DoesNotContain("Procedure A", text); // 2 days overdue stays below the coordinator's rung
    }

    [Fact]
    public void A_template_that_does_not_parse_or_render_is_refused_with_the_reason()
    {
        Assert.Contains("does not parse", Assert.Throws<FormatException>(() => DigestTemplates.From("{% for x in %}", null)).Message);
        Assert.Contains("do not render", Assert.Throws<FormatException>(() => DigestTemplates.From("", null)).Message);
    }

    [Fact]
    public void An_operators_template_is_used_and_what_it_prints_is_encoded()
    {
        var templates = DigestTemplates.From("<p>{{ greeting }} {{ summary.red }}</p>", "{{ greeting }} / {{ summary.red }} overdue");
        var digest = DigestPlanner
            .Plan(
                new DateOnly(2026, 3, 16),
                [Line("A", "zhang@x.org", Flag.Red, -2) with { HandlerName = "<script>" }],
                Staff,
                EscalationLadder.Default
            )
            .Single(d => d.RecipientEmail == "zhang@x.org") with
        {
            RecipientName = "张伟 <b>",
        };

        var mail = templates.Render(digest, Language.Chinese);

        Assert.Equal("<p>张伟 &lt;b&gt;，您好： 1</p>", mail.Html);
        Assert.Equal("张伟 <b>，您好： / 1 overdue", mail.Text);
    }

    [Fact]
    public void The_built_in_html_needs_nothing_from_outside_the_mail()
    {
        var digest = DigestPlanner.Plan(new DateOnly(2026, 3, 16), [Line("A", "zhang@x.org", Flag.Red, -2)], Staff, EscalationLadder.Default).First();
        var html = DigestTemplates.BuiltIn.Render(digest, Language.Chinese).Html;

        Assert.DoesNotContain("<link", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("src=", html);
        Assert.DoesNotContain("<style", html); // inline styles only: mail clients drop style blocks
        Assert.Contains("<table role=\"presentation\"", html);
    }
}
