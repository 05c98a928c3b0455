using System.Runtime.CompilerServices;

namespace ApprovalWatch.Digests;

/// <summary>
/// Merges routed lines from several sources, each sorted by recipient, into one group per recipient, in
/// recipient order: the day's digests are composed one recipient at a time, never all at once.
/// </summary>
public static class RecipientMerge
{
    public static async IAsyncEnumerable<IReadOnlyList<RoutedLine>> ByRecipientAsync(
        IEnumerable<IAsyncEnumerable<RoutedLine>> sources,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var heads = new PriorityQueue<IAsyncEnumerator<RoutedLine>, string>(StringComparer.Ordinal);
        var opened = new List<IAsyncEnumerator<RoutedLine>>();
        try
        {
            foreach (var source in sources)
            {
                var lines = source.GetAsyncEnumerator(cancellationToken);
                opened.Add(lines);
                if (await lines.MoveNextAsync())
                {
                    heads.Enqueue(lines, lines.Current.To);
                }
            }

            while (heads.TryPeek(out _, out var recipient))
            {
                var group = new List<RoutedLine>();
                while (heads.TryPeek(out var lines, out var to) && to == recipient)
                {
                    heads.Dequeue();
                    string? previous = null;
                    while (lines.Current.To == recipient)
                    {
                        group.Add(lines.Current);
                        previous = lines.Current.To;
                        if (!await lines.MoveNextAsync())
                        {
                            lines = null;
                            break;
                        }
                    }

                    if (lines is not null)
                    {
                        if (string.CompareOrdinal(lines.Current.To, previous) < 0)
                        {
                            throw new InvalidOperationException($"Routed lines out of order: {lines.Current.To} after {previous}");
                        }

                        heads.Enqueue(lines, lines.Current.To);
                    }
                }

                yield return group;
            }
        }
        finally
        {
            foreach (var lines in opened)
            {
                await lines.DisposeAsync();
            }
        }
    }
}
