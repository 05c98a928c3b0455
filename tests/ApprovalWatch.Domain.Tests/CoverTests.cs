using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Domain.Digests;
using ApprovalWatch.Domain.Staff;

namespace ApprovalWatch.Domain.Tests;

/// <summary>AB角: a person away has his lines go to his deputy, else his head, else his department's leader.</summary>
public class CoverTests
{
    private static readonly StaffDirectory Staff = StaffDirectory.Parse(new StringReader("""
        email,name,department,role,deputy
        a@x.org,A,housing,handler,b@x.org
        b@x.org,B,housing,handler,a@x.org
        head@x.org,Head,housing,head,
        lead@x.org,Lead,housing,leader,
        """));

    private static readonly DateOnly Day = new(2026, 3, 16);

    private static LeaveBook Away(params string[] emails) => new(emails.Select(e => (e, Day, Day.AddDays(4))));

    [Fact]
    public void The_deputy_stands_in_then_the_head_then_the_leader_and_with_nobody_the_line_stays()
    {
        Assert.Equal("b@x.org", Cover.StandIn("a@x.org", Staff, Away("a@x.org"), Day));
        Assert.Equal("head@x.org", Cover.StandIn("a@x.org", Staff, Away("a@x.org", "b@x.org"), Day)); // A and B away together
        Assert.Equal("lead@x.org", Cover.StandIn("head@x.org", Staff, Away("head@x.org"), Day)); // a head: the leader in charge
        Assert.Null(Cover.StandIn("head@x.org", Staff, Away("head@x.org", "lead@x.org"), Day));

        var line = new ProcedureLine
        {
            ProjectCode = "P",
            ProjectName = "项目",
            ProcedureCode = "HC-01",
            Department = "housing",
            HandlerEmail = "a@x.org",
            HandlerName = "A",
            ChineseName = "审查",
            EnglishName = "Review",
            StartedOn = Day,
            DueOn = Day,
            LimitDays = 5,
            Flag = Flag.Red,
            WorkingDaysLeft = -1,
        };
        var routed = Cover.Apply([new RoutedLine("a@x.org", DigestReason.Handler, line)], Staff, Away("a@x.org"), Day).Single();
        Assert.Equal(("b@x.org", "a@x.org"), (routed.To, routed.OnBehalfOf));
        Assert.Equal(
            "a@x.org",
            Cover.Apply([new RoutedLine("a@x.org", DigestReason.Handler, line)], Staff, Away("a@x.org"), Day.AddDays(5)).Single().To
        ); // back at work

        var collector = new DigestCollector(10);
        collector.Add(routed);
        Assert.Contains(collector.ToDigest(Day, Staff).Notes, n => n.StartsWith("代 A：", StringComparison.Ordinal));
    }

    [Fact]
    public void A_leave_list_with_a_period_backwards_is_refused() =>
        Assert.Throws<FormatException>(() => LeaveBook.Parse(new StringReader("email,from,to\na@x.org,2026-03-20,2026-03-16\n")));

    [Fact]
    public void A_person_is_back_on_his_first_working_day_after_his_leave_over_a_weekend_and_overlapping_periods()
    {
        var calendar = ApprovalWatch.Testing.OfficialCalendars.National;
        var leave = new LeaveBook([
            ("a@x.org", new DateOnly(2026, 3, 9), new DateOnly(2026, 3, 13)),
            ("b@x.org", new DateOnly(2026, 3, 16), new DateOnly(2026, 3, 18)),
            ("b@x.org", new DateOnly(2026, 3, 17), new DateOnly(2026, 3, 20)),
        ]);

        Assert.Equal((new DateOnly(2026, 3, 9), new DateOnly(2026, 3, 13)), leave.JustBack("A@x.org", new DateOnly(2026, 3, 16), calendar)); // Friday to Monday
        Assert.Null(leave.JustBack("a@x.org", new DateOnly(2026, 3, 17), calendar)); // back since yesterday
        Assert.Null(leave.JustBack("a@x.org", new DateOnly(2026, 3, 14), calendar)); // a Saturday
        Assert.Null(leave.JustBack("b@x.org", new DateOnly(2026, 3, 19), calendar)); // still away, in the second period
        Assert.Equal((new DateOnly(2026, 3, 17), new DateOnly(2026, 3, 20)), leave.JustBack("b@x.org", new DateOnly(2026, 3, 23), calendar));
    }
}
