using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Domain.Digests;
using ApprovalWatch.Domain.Notices;
using ApprovalWatch.Domain.Scanning;
using ApprovalWatch.Testing;

namespace ApprovalWatch.Domain.Tests;

/// <summary>When a line calls for a supervision notice, and how the prefecture's numbering is read.</summary>
public class NoticeRuleTests
{
    [Fact]
    public void A_procedure_calls_for_a_notice_once_its_rung_reaches_the_coordinator_and_a_problem_once_overdue_long_enough()
    {
        var ladder = EscalationLadder.Default; // the coordinator from 5 working days overdue
        Assert.False(ladder.CallsForNotice(TestLines.Procedure("HC-01", "a@x.org", Flag.Red, -4)));
        Assert.True(ladder.CallsForNotice(TestLines.Procedure("HC-01", "a@x.org", Flag.Red, -5)));
        // Climbed twice.
        Assert.True(ladder.CallsForNotice(TestLines.Procedure("HC-01", "a@x.org", Flag.Red, -1) with { PastStatutory = true, YellowPeriods = 2 }));
        Assert.NotEqual(
            NoticeDrafts.KeyOf(TestLines.Procedure("HC-01", "a@x.org", Flag.Red, -5), ladder),
            NoticeDrafts.KeyOf(TestLines.Procedure("HC-01", "a@x.org", Flag.Red, -10), ladder)
        ); // a rung higher: a notice of its own

        ProblemLine Problem(int left) => new()
        {
            Id = "W1", Department = "housing", ProjectCode = "P", ProjectName = "P", ChineseName = "问题", EnglishName = "problem",
            StartedOn = new(2026, 3, 2), DueOn = new(2026, 3, 9), LimitDays = 5, Flag = left < 0 ? Flag.Red : Flag.Yellow, WorkingDaysLeft = left,
        };
        Assert.False(ladder.CallsForNotice(Problem(-4)));
        Assert.True(ladder.CallsForNotice(Problem(-5)));
        Assert.False((ladder with { NoticeAfterProblemOverdueDays = 0 }).CallsForNotice(Problem(-50)));
    }

    [Fact]
    public void The_numbering_is_read_from_notices_json_and_a_bad_one_is_refused_with_its_reason()
    {
        var settings = NoticeSettings.Parse("""{ "prefix": "克发改督", "replyWithinWorkingDays": 5, "issuer": "克州发改委" }""");
        Assert.Equal(("克发改督〔2026〕12号", 5, "克州发改委"), (settings.Number(2026, 12), settings.ReplyWithinWorkingDays, settings.Issuer));
        Assert.Equal(3, NoticeSettings.Parse("""{ "prefix": "督" }""").ReplyWithinWorkingDays);
        Assert.Contains("prefix", Assert.Throws<FormatException>(() => NoticeSettings.Parse("""{ "prefix": "a/b" }""")).Message);
        Assert.Contains(
            "replyWithinWorkingDays",
            Assert.Throws<FormatException>(() => NoticeSettings.Parse("""{ "prefix": "督", "replyWithinWorkingDays": 0 }""")).Message
        );
        Assert.Contains("not valid", Assert.Throws<FormatException>(() => NoticeSettings.Parse("""{ "prefix": "督", "sequence": 4 }""")).Message);
    }

    [Fact]
    public void A_notice_goes_to_its_head_to_reply_and_once_each_in_copy_to_the_leader_and_coordinators_and_climbs_to_the_leader()
    {
        var notice = TestNotices.Notice("housing", new(2026, 3, 16), new(2026, 3, 19)) with
        {
            HeadEmail = "head@x.org",
            LeaderEmail = "lead@x.org",
            Coordinators = ["co@x.org", "LEAD@x.org"],
        };

        Assert.Equal([("head@x.org", false), ("lead@x.org", true), ("co@x.org", true)], notice.Recipients());
        Assert.Equal(["lead@x.org"], notice.ClimbsTo());
        Assert.Equal(["co@x.org", "LEAD@x.org"], (notice with { LeaderEmail = null }).ClimbsTo());
    }
}
