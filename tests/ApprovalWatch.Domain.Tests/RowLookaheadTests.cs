using ApprovalWatch.Domain.Text;

namespace ApprovalWatch.Domain.Tests;

public class RowLookaheadTests
{
    private sealed class OnePassRows(int count) : IEnumerable<SourceRow>
    {
        public int Enumerations { get; private set; }

        public int Read { get; private set; }

        public IEnumerator<SourceRow> GetEnumerator()
        {
            Enumerations++;
            for (var line = 1; line <= count; line++)
            {
                Read++;
                yield return new SourceRow(line, line % 3 == 0 ? [""] : [$"cell {line}"]);
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    [Fact]
    public void The_first_rows_are_looked_at_and_every_row_handed_on_from_one_reading_of_the_source()
    {
        var source = new OnePassRows(10);

        var (head, all) = RowLookahead.Split(source, 4);
        var readForTheHead = source.Read;
        var lines = all.Select(r => r.Line).ToList();

        Assert.Equal([1, 2, 3, 4, 5], head.Select(r => r.Line)); // four non-blank rows and the blank one among them
        Assert.Equal(5, readForTheHead);
        Assert.Equal(Enumerable.Range(1, 10), lines);
        Assert.Equal((1, 10), (source.Enumerations, source.Read));
    }

    [Fact]
    public void A_source_shorter_than_the_look_ahead_is_all_head()
    {
        var (head, all) = RowLookahead.Split(new OnePassRows(2), 20);

        Assert.Equal(2, head.Count);
        Assert.Equal([1, 2], all.Select(r => r.Line));
    }
}
