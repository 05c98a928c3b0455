namespace ApprovalWatch.Domain.Text;

/// <summary>Looks at the first rows of a one-pass sequence (a file being read) and hands on every row, those looked at included, without reading the
/// file again.</summary>
public static class RowLookahead
{
    /// <returns>The first rows up to <paramref name="nonBlankRows"/> non-blank ones, and the whole sequence from its first row.</returns>
    public static (IReadOnlyList<SourceRow> Head, IEnumerable<SourceRow> All) Split(IEnumerable<SourceRow> rows, int nonBlankRows)
    {
        var enumerator = rows.GetEnumerator();
        var head = new List<SourceRow>();
        try
        {
            for (var seen = 0; seen < nonBlankRows && enumerator.MoveNext();)
            {
                head.Add(enumerator.Current);
                seen += CsvReader.IsBlank(enumerator.Current) ? 0 : 1;
            }
        }
        catch
        {
            enumerator.Dispose();
            throw;
        }

        return (head, Replay(head, enumerator));
    }

    private static IEnumerable<SourceRow> Replay(List<SourceRow> head, IEnumerator<SourceRow> rest)
    {
        using (rest)
        {
            foreach (var row in head)
            {
                yield return row;
            }

            while (rest.MoveNext())
            {
                yield return rest.Current;
            }
        }
    }
}
