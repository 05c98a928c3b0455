using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Domain.Digests;
using ApprovalWatch.Domain.Staff;
using ApprovalWatch.Presentation.Digests;
using ApprovalWatch.Testing;

namespace ApprovalWatch.Domain.Tests;

public class DigestChangeTests
{
    private static readonly StaffDirectory Staff = new([
        new Person("zhang@x.org", "张伟", "housing", Role.Handler),
        new Person("head@x.org", "刘建国", "housing", Role.Head),
    ]);

    private static ProcedureLine Line(string procedure, Flag flag, int left) =>
        TestLines.Procedure(procedure, "zhang@x.org", flag, left) with
        {
            HandlerName = "张伟",
        };

    /// <summary>One day of the handler's digest, compared with what he got before, remembered for the next day.</summary>
    private static (Digest Digest, DigestMemory Memory) Day(DateOnly date, DigestMemory? memory, params DigestLine[] lines)
    {
        var digest = DigestPlanner.Plan(date, lines, Staff, EscalationLadder.Default).Single(d => d.RecipientEmail == "zhang@x.org");
        digest = DigestChanges.Mark(digest, memory?.Before(date), EscalationLadder.Default);
        var items = DigestChanges.Items(digest, EscalationLadder.Default);
        return (digest, memory?.After(date, items) ?? new DigestMemory(date, items));
    }

    private static Dictionary<string, LineChange> Changes(Digest digest) => digest.DistinctLines.ToDictionary(l => l.ItemCode, digest.ChangeOf);

    [Fact]
    public void Lines_are_marked_new_worse_or_still_open_and_the_resolved_listed_across_three_days()
    {
        var monday = new DateOnly(2026, 3, 16);
        var (first, memory) = Day(monday, null, Line("A", Flag.Yellow, 2), Line("B", Flag.Red, -1));
        Assert.Equal(new Dictionary<string, LineChange> { ["A"] = LineChange.New, ["B"] = LineChange.New }, Changes(first));

        var (second, memoryTwo) = Day(monday.AddDays(1), memory, Line("A", Flag.Yellow, 1), Line("B", Flag.Red, -2), Line("C", Flag.Yellow, 3));
        Assert.Equal(
            new Dictionary<string, LineChange>
            {
                ["A"] = LineChange.StillOpen,
                ["B"] = LineChange.StillOpen,
                ["C"] = LineChange.New,
            },
            Changes(second)
        );
        Assert.Empty(second.Resolved);

        // A is overdue now (worse), B reached the leader's rung (worse), C was finished (resolved).
        var (third, _) = Day(monday.AddDays(2), memoryTwo, Line("A", Flag.Red, -1), Line("B", Flag.Red, -5));
        Assert.Equal(new Dictionary<string, LineChange> { ["A"] = LineChange.Worse, ["B"] = LineChange.Worse }, Changes(third));
        Assert.Equal(["C"], third.Resolved.Select(r => r.ItemCode));

        var mail = DigestTemplates.BuiltIn.Render(third, Language.Chinese);
        Assert.Contains("事项C", mail.Text); // in the resolved list
        Assert.Contains("加重", mail.Text);
        var english = DigestTemplates.BuiltIn.Render(third, Language.English).Text;
        Assert.Contains("Resolved since your last digest", english);
        Assert.Contains("Overdue 2 · Due soon 0 · New 0 · Worse 2 · Still open 0 · Resolved 1", english);
    }

    [Fact]
    public void A_digest_made_again_on_the_same_day_is_compared_with_the_same_previous_one()
    {
        var monday = new DateOnly(2026, 3, 16);
        var (_, memory) = Day(monday, null, Line("A", Flag.Yellow, 2));
        var (tuesday, memoryTwo) = Day(monday.AddDays(1), memory, Line("A", Flag.Red, -1));
        var (again, _) = Day(monday.AddDays(1), memoryTwo, Line("A", Flag.Red, -1));

        Assert.Equal(LineChange.Worse, Changes(tuesday)["A"]);
        Assert.Equal(LineChange.Worse, Changes(again)["A"]);
    }

    [Fact]
    public void The_summary_comes_first_and_names_the_most_urgent_items()
    {
        var (digest, _) = Day(new DateOnly(2026, 3, 16), null, Line("A", Flag.Yellow, 2), Line("B", Flag.Red, -7), Line("C", Flag.Red, -1));

        var text = DigestTemplates.BuiltIn.Render(digest, Language.Chinese).Text;

        var summary = text.IndexOf("== 概览 ==", StringComparison.Ordinal);
        var firstSection = text.IndexOf("== 您经办的", StringComparison.Ordinal);
        Assert.InRange(summary, 0, firstSection);
        Assert.Contains("超期 2 · 临期 1 · 新增 3", text);
        var worst = text[summary..firstSection];
        Assert.True(worst.IndexOf("事项B", StringComparison.Ordinal) < worst.IndexOf("事项C", StringComparison.Ordinal));
        Assert.Contains("最紧急：阿图什市新城学校建设项目 事项B（超期 7 个工作日）", DigestTemplates.BuiltIn.Render(digest, Language.Chinese).Subject);
    }

    [Fact]
    public void A_reckoned_due_date_the_holiday_notice_moved_is_told_in_the_next_digest_and_shown_as_such_before()
    {
        var monday = new DateOnly(2026, 12, 14);
        var reckoned = Line("A", Flag.Yellow, 2) with { DueOn = new DateOnly(2027, 1, 4), Provisional = true };
        var (first, memory) = Day(monday, null, reckoned);
        Assert.Contains("暂定", DigestTemplates.BuiltIn.Render(first, Language.Chinese).Text);

        var (moved, _) = Day(monday.AddDays(1), memory, reckoned with { DueOn = new DateOnly(2027, 1, 5), Provisional = false });
        var (same, _) = Day(monday.AddDays(1), memory, reckoned);

        Assert.Equal(
            [Text.Reason.Of("digest.due_moved", reckoned.ProjectName, reckoned.ChineseName, reckoned.EnglishName, "2027-01-04", "2027-01-05")],
            moved.Notes
        );
        Assert.Empty(same.Notes);
        Assert.Contains("2027-01-04", DigestTemplates.BuiltIn.Render(moved, Language.English).Text);
    }
}
