using ApprovalWatch.Testing;
using System.Globalization;
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
        Assert.Equal("b@x.org", StandIns.Of("a@x.org", Staff, Away("a@x.org"), Day));
        // A and B away together.
        Assert.Equal("head@x.org", StandIns.Of("a@x.org", Staff, Away("a@x.org", "b@x.org"), Day));
        // A head: the leader in charge.
        Assert.Equal("lead@x.org", StandIns.Of("head@x.org", Staff, Away("head@x.org"), Day));
        Assert.Null(StandIns.Of("head@x.org", Staff, Away("head@x.org", "lead@x.org"), Day));

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
        Assert.Contains(collector.ToDigest(Day, Staff).Notes, n => n.Chinese().StartsWith("代 A：", StringComparison.Ordinal));
    }

    [Fact]
    public void Whoever_is_not_away_receives_his_own_and_who_is_away_with_nobody_to_stand_in_is_a_gap()
    {
        Assert.Null(StandIns.For("a@x.org", Staff, Away("b@x.org"), Day));
        Assert.Equal("a@x.org", StandIns.Receiver("a@x.org", Staff, Away("b@x.org"), Day));
        Assert.Equal("b@x.org", StandIns.Receiver("a@x.org", Staff, Away("a@x.org"), Day));
        Assert.Equal("a@x.org", StandIns.Receiver("a@x.org", Staff, Away("a@x.org"), Day.AddDays(5))); // back at work
        Assert.True(StandIns.Uncovered("head@x.org", Staff, Away("head@x.org", "lead@x.org"), Day));
        Assert.False(StandIns.Uncovered("head@x.org", Staff, Away("head@x.org"), Day));
        Assert.False(StandIns.Uncovered("head@x.org", Staff, Away("lead@x.org"), Day)); // not away: no gap
    }

    [Theory]
    [InlineData("2026-03-16", "2026-03-20", true)]
    [InlineData("2026-03-09", "2026-03-16", true)] // entered a week late, still under way
    [InlineData("2026-03-08", "2026-03-16", false)] // more than a week back
    [InlineData("2026-03-10", "2026-03-13", false)] // over before today
    [InlineData("2026-03-20", "2026-03-16", false)] // backwards
    [InlineData("2026-03-16", "2026-09-14", true)] // 182 days after its first
    [InlineData("2026-03-16", "2026-09-15", false)] // more than half a year
    [InlineData("2027-03-01", "2027-03-17", true)] // ends within a year
    [InlineData("2027-03-10", "2027-03-18", false)] // ends more than a year ahead: no chaining without end
    public void A_person_enters_leave_from_a_week_back_to_half_a_year_ahead(string from, string to, bool allowed) =>
        Assert.Equal(allowed, LeaveWindow.Allows(DateOnly.Parse(from, CultureInfo.InvariantCulture), DateOnly.Parse(to, CultureInfo.InvariantCulture), Day));

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
