using ApprovalWatch.Pipeline.Ingestion;

namespace ApprovalWatch.Pipeline.Tests;

public class LargeFileTurnsTests
{
    [Fact]
    public async Task Large_files_are_read_one_at_a_time_and_small_ones_wait_for_nothing()
    {
        var turns = new LargeFileTurns();
        var first = await turns.TakeAsync(large: true, default);
        var second = turns.TakeAsync(large: true, default);
        var small = await turns.TakeAsync(large: false, default);
        await Task.Delay(100);

        Assert.Null(small);
        Assert.False(second.IsCompleted);
        first!.Dispose();
        first.Dispose(); // given back once only
        using var turn = await second.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(turns.TakeAsync(large: true, default).IsCompleted);
    }
}
