using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Domain.Digests;
using ApprovalWatch.Pipeline.Scanning;
using ApprovalWatch.Testing;

namespace ApprovalWatch.Pipeline.Tests;

public class RoutedLineRunsTests
{
    private static RoutedLine Line(string to, string procedure) => new(to, DigestReason.Handler, TestLines.Procedure(procedure, to, Flag.Red, -1));

    [Fact]
    public async Task Lines_go_out_in_runs_sorted_by_recipient_keeping_their_order_and_a_run_is_written_while_the_next_gathers()
    {
        var written = new List<IReadOnlyList<RoutedLine>>();
        var firstWrite = new TaskCompletionSource();
        var runs = new RoutedLineRuns(3, async (run, _) =>
        {
            written.Add(run);
            if (written.Count == 1)
            {
                await firstWrite.Task;
            }
        });

        await runs.AddAsync([Line("b@x.org", "1"), Line("a@x.org", "2"), Line("b@x.org", "3")], default);
        var adding = runs.AddAsync([Line("c@x.org", "4"), Line("a@x.org", "5"), Line("a@x.org", "6"), Line("a@x.org", "7")], default);
        Assert.False(adding.IsCompleted); // the second run waits for the first to be written, and no more than one is in flight
        Assert.Single(written);
        firstWrite.SetResult();
        await adding;
        await runs.FlushAsync(default);

        Assert.Equal(
            [
                ["a@x.org/2", "b@x.org/1", "b@x.org/3"],
                ["a@x.org/5", "a@x.org/6", "c@x.org/4"],
                ["a@x.org/7"],
            ],
            written.Select(r => r.Select(l => $"{l.To}/{l.Line.ItemCode}").ToArray())
        );
        Assert.Equal(7, runs.Count);
    }

    [Fact]
    public async Task A_run_that_fails_to_be_written_fails_the_shard()
    {
        var runs = new RoutedLineRuns(2, (_, _) => Task.FromException(new IOException("storage down")));
        await runs.AddAsync([Line("a@x.org", "1"), Line("a@x.org", "2"), Line("a@x.org", "3")], default);

        await Assert.ThrowsAsync<IOException>(() => runs.FlushAsync(default));
    }
}
