using ApprovalWatch.Deadlines;
using ApprovalWatch.Digests;

namespace ApprovalWatch.Tests;

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
        ]).ToListAsync();

        Assert.Equal(["a@x.org", "b@x.org", "c@x.org"], merged.Select(g => g[0].To));
        Assert.Equal([["1", "6"], ["4"], ["2", "3", "5"]], merged.Select(g => g.Select(l => ((ProcedureLine)l.Line).ProcedureCode).Order().ToArray()));
    }

    [Fact]
    public async Task A_source_out_of_recipient_order_fails_loudly()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await RecipientMerge.ByRecipientAsync([Source(Line("b@x.org", "1"), Line("a@x.org", "2"))]).ToListAsync());
    }
}
