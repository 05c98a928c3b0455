using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Domain.Digests;
using ApprovalWatch.Testing;

namespace ApprovalWatch.Domain.Tests;

/// <summary>The rules an acknowledgement follows, the weekly-report rung and the flag rule, each on its own.</summary>
public class AcknowledgementRulesTests
{
    private static readonly DateOnly Monday = new(2026, 3, 16);

    [Fact]
    public void A_promise_may_reach_the_statutory_due_date_and_no_further()
    {
        var window = PromiseWindow.For(Monday, new DateOnly(2026, 3, 27), OfficialCalendars.National);

        Assert.Equal((Monday, new DateOnly(2026, 3, 27)), (window.Earliest, window.Latest));
        Assert.True(window.Allows(Monday, OfficialCalendars.National));
        Assert.True(window.Allows(new DateOnly(2026, 3, 27), OfficialCalendars.National));
        Assert.False(window.Allows(new DateOnly(2026, 3, 30), OfficialCalendars.National));
        Assert.False(window.Allows(new DateOnly(2026, 3, 13), OfficialCalendars.National));
        Assert.False(window.Allows(new DateOnly(2026, 3, 21), OfficialCalendars.National)); // a Saturday
    }

    [Fact]
    public void Past_the_statutory_due_date_a_promise_may_reach_ten_working_days_on_the_calendar()
    {
        // Friday 3 April 2026 is the day before 清明 (4–6 April): ten working days from it end on Monday 20 April.
        var window = PromiseWindow.For(new DateOnly(2026, 4, 3), new DateOnly(2026, 3, 20), OfficialCalendars.National);

        Assert.Equal(new DateOnly(2026, 4, 20), window.Latest);
        Assert.False(window.Allows(new DateOnly(2026, 4, 6), OfficialCalendars.National));
        Assert.Equal(window, PromiseWindow.For(new DateOnly(2026, 4, 3), null, OfficialCalendars.National));
    }

    [Fact]
    public void An_acknowledgement_holds_the_rung_the_line_stands_on_today_not_an_earlier_hold()
    {
        var ladder = EscalationLadder.Default;
        var sixDaysOver = TestLines.Procedure("HC-01", "zhang@x.org", Flag.Red, -6);

        Assert.Equal((2, 0), PromiseWindow.Hold(sixDaysOver, ladder));
        Assert.Equal((2, 0), PromiseWindow.Hold(sixDaysOver with { AckRung = 1 }, ladder));
        Assert.Equal((0, 0), PromiseWindow.Hold(TestLines.Procedure("HC-01", "zhang@x.org", Flag.Yellow, 2), ladder));
        Assert.Equal((0, 0), PromiseWindow.Hold(null, ladder));
    }

    [Fact]
    public void A_broken_promise_keeps_its_extra_rung_through_any_later_acknowledgement()
    {
        var ladder = EscalationLadder.Default;
        var twoDaysOver = TestLines.Procedure("HC-01", "zhang@x.org", Flag.Red, -2); // rung 1: handler and head
        var lapsed = twoDaysOver with { AckRung = 1, AckLapsed = true };

        var (rung, penalty) = PromiseWindow.Hold(lapsed, ladder);
        var heldAgain = twoDaysOver with { AckRung = rung, AckPenalty = penalty };

        Assert.Equal(2, ladder.RungOf(lapsed));
        Assert.Equal((2, 1), (rung, penalty));
        Assert.Equal(2, ladder.RungOf(heldAgain)); // acknowledged again: still a rung higher, not back to 1
        Assert.Equal(3, ladder.RungOf(heldAgain with { AckLapsed = true })); // broken again: one more
        Assert.Equal((3, 2), PromiseWindow.Hold(heldAgain with { AckLapsed = true }, ladder));
    }

    [Fact]
    public void The_weekly_report_rung_is_the_lowest_naming_the_report_as_the_digests_see_it()
    {
        var ladder = EscalationLadder.Default with
        {
            Rungs =
            [
                new(0, new HashSet<EscalationRole> { EscalationRole.Handler }),
                new(7, new HashSet<EscalationRole> { EscalationRole.Handler, EscalationRole.WeeklyReport }),
                new(12, new HashSet<EscalationRole> { EscalationRole.Handler, EscalationRole.Head, EscalationRole.WeeklyReport }),
            ],
        };
        var atSeven = TestLines.Procedure("HC-01", "zhang@x.org", Flag.Red, -7);
        var atSix = TestLines.Procedure("HC-01", "zhang@x.org", Flag.Red, -6);

        Assert.Equal(7, ladder.WeeklyReportOverdueDays);
        Assert.Contains(EscalationRole.WeeklyReport, ladder.RolesOf(atSeven));
        Assert.DoesNotContain(EscalationRole.WeeklyReport, ladder.RolesOf(atSix));
        Assert.Equal(10, EscalationLadder.Default.WeeklyReportOverdueDays);
        Assert.Null((ladder with { Rungs = [new(0, new HashSet<EscalationRole> { EscalationRole.Handler })] }).WeeklyReportOverdueDays);
    }

    [Theory]
    [InlineData(-1, 3, Flag.Red)]
    [InlineData(0, 3, Flag.Yellow)]
    [InlineData(3, 3, Flag.Yellow)]
    [InlineData(4, 3, Flag.Green)]
    [InlineData(0, 0, Flag.Yellow)]
    public void One_flag_rule_red_past_due_yellow_within_the_window_or_due_today_green_before(int left, int warning, Flag flag) =>
        Assert.Equal(flag, Flags.For(left, warning));

    [Fact]
    public void A_link_works_until_beijing_midnight_its_valid_days_on_and_a_reply_link_a_month_past_its_deadline()
    {
        var sent = new DateOnly(2026, 3, 16);

        Assert.Equal(new DateTimeOffset(2026, 3, 23, 0, 0, 0, TimeSpan.FromHours(8)), Acknowledgements.LinkLifetime.From(sent, 7));
        Assert.Equal(new DateTimeOffset(2026, 4, 26, 0, 0, 0, TimeSpan.FromHours(8)), Acknowledgements.LinkLifetime.ForReply(new DateOnly(2026, 3, 20), 7));
    }
}
