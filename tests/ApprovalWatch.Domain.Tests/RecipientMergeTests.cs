using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Domain.Digests;
using ApprovalWatch.Presentation.Digests;
using ApprovalWatch.Testing;

namespace ApprovalWatch.Domain.Tests;

public class RecipientMergeTests
{
    private static RoutedLine Line(string to, string procedure) => new(to, DigestReason.Handler, TestLines.Procedure(procedure, to, Flag.Red, -2));

    private static async IAsyncEnumerable<RoutedLine> Source(params RoutedLine[] lines)
    {
        foreach (var line in lines)
        {
            await Task.Yield();
            yield return line;
        }
    }

    [Fact]
    public async Task Each_recipient_comes_once_with_his_lines_from_every_source_in_recipient_order()
    {
        var merged = await RecipientMerge.ByRecipientAsync(
        [
            Source(Line("a@x.org", "1"), Line("c@x.org", "2"), Line("c@x.org", "3")),
            Source(),
            Source(Line("b@x.org", "4"), Line("c@x.org", "5")),
            Source(Line("a@x.org", "6")),
        ], maxLinesPerSection: 10).ToListAsync();

        var digests = merged.Select(c => c.ToDigest(new DateOnly(2026, 3, 16), new Domain.Staff.StaffDirectory([]))).ToList();
        Assert.Equal(["a@x.org", "b@x.org", "c@x.org"], digests.Select(d => d.RecipientEmail));
        Assert.Equal([["1", "6"], ["4"], ["2", "3", "5"]], digests.Select(d => d.Lines.Select(l => ((ProcedureLine)l).ProcedureCode).Order().ToArray()));
    }

    [Fact]
    public async Task A_long_section_keeps_its_most_urgent_lines_and_counts_the_rest_and_the_digest_counts_them_all()
    {
        var lines = Enumerable
            .Range(1, 500)
            .Select(i => new RoutedLine(
                "head@x.org",
                DigestReason.DepartmentHead,
                TestLines.Procedure($"P{i:D3}", "zhang@x.org", i % 5 == 0 ? Flag.Yellow : Flag.Red, i % 5 == 0 ? 1 : -i)
            ));

        var collector = Assert.Single(await RecipientMerge.ByRecipientAsync([Source([.. lines])], maxLinesPerSection: 20).ToListAsync());
        var digest = collector.ToDigest(new DateOnly(2026, 3, 16), new Domain.Staff.StaffDirectory([]));

        var section = Assert.Single(digest.Sections);
        Assert.Equal(20, section.Lines.Count);
        Assert.Equal(-499, section.Lines[0].WorkingDaysLeft); // the most overdue first
        Assert.All(section.Lines, l => Assert.Equal(Flag.Red, l.Flag));
        Assert.Equal((400 - 20, 100), (section.MoreRed, section.MoreYellow));
        Assert.Equal((400, 100), (digest.TotalRed, digest.TotalYellow));
        Assert.Equal(500, digest.OpenKeys!.Count);
        var text = DigestTemplates.BuiltIn.Render(digest, Domain.Staff.Language.English).Text;
        Assert.Contains("Overdue 400 · Due soon 100", text);
        Assert.Contains("380 more overdue and 100 more due soon in this section are not", text);
    }

    [Fact]
    public async Task An_item_open_but_not_listed_is_not_resolved_and_one_gone_is()
    {
        var lines = Enumerable
            .Range(1, 30)
            .Select(i => new RoutedLine("head@x.org", DigestReason.DepartmentHead, TestLines.Procedure($"P{i:D3}", "zhang@x.org", Flag.Red, -i)));
        var collector = Assert.Single(await RecipientMerge.ByRecipientAsync([Source([.. lines])], maxLinesPerSection: 5).ToListAsync());
        var digest = collector.ToDigest(new DateOnly(2026, 3, 17), new Domain.Staff.StaffDirectory([]));
        var ladder = EscalationLadder.Default;
        var listedYesterday = Enumerable.Range(1, 30).Select(i => DigestItem.Of(TestLines.Procedure($"P{i:D3}", "zhang@x.org", Flag.Red, -i), ladder)).ToList();
        var gone = DigestItem.Of(TestLines.Procedure("P031", "zhang@x.org", Flag.Red, -1), ladder);

        var marked = DigestChanges.Mark(digest, [.. listedYesterday, gone], ladder);

        Assert.Equal(5, marked.Lines.Count()); // 25 more open, not listed today
        Assert.Equal(["P031"], marked.Resolved.Select(r => r.ItemCode));
    }

    [Fact]
    public async Task A_source_out_of_recipient_order_fails_loudly()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await RecipientMerge.ByRecipientAsync([Source(Line("b@x.org", "1"), Line("a@x.org", "2"))], maxLinesPerSection: 10).ToListAsync());
    }
}
