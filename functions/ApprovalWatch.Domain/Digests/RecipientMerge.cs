using System.Runtime.CompilerServices;

namespace ApprovalWatch.Domain.Digests;

/// <summary>
/// Merges routed lines from several sources, each sorted by recipient, into one <see cref="DigestCollector"/> per
/// recipient, in recipient order: the day's digests are made one recipient at a time, each in bounded memory.
/// </summary>
public static class RecipientMerge
{
    public static async IAsyncEnumerable<DigestCollector> ByRecipientAsync(
        IEnumerable<IAsyncEnumerable<RoutedLine>> sources,
        int maxLinesPerSection,
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
                var collector = new DigestCollector(maxLinesPerSection);
                while (heads.TryPeek(out var lines, out var to) && to == recipient)
                {
                    heads.Dequeue();
                    var more = true;
                    while (more && lines.Current.To == recipient)
                    {
                        collector.Add(lines.Current);
                        more = await lines.MoveNextAsync();
                    }

                    if (more)
                    {
                        if (string.CompareOrdinal(lines.Current.To, recipient) < 0)
                        {
                            throw new InvalidOperationException($"Routed lines out of order: {lines.Current.To} after {recipient}");
                        }

                        heads.Enqueue(lines, lines.Current.To);
                    }
                }

                yield return collector;
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
