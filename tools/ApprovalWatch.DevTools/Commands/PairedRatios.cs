namespace ApprovalWatch.DevTools.Commands;

/// <summary>
/// A figure measured beside the raw store doing the same work, in pairs taken alternately in one run (the machine is
/// shared and the emulator slows as it fills): the median ratio and its spread, so that one noisy pair neither passes nor
/// fails a goal. Rates: higher is better, the ratio is ours / raw.
/// </summary>
public sealed class PairedRatios(string goal, string unit, double target)
{
    private readonly List<(double Ours, double Raw)> _pairs = [];

    public void Add(double ours, double raw) => _pairs.Add((ours, raw));

    public double Median => MedianOf(_pairs.Select(p => p.Ours / p.Raw));

    /// <summary>One line: the goal, the median figure beside the median raw one, the median ratio, its spread and whether the goal is met.</summary>
    public string Line()
    {
        var ratios = _pairs.Select(p => p.Ours / p.Raw).Order().ToList();
        return Invariant($"GOAL {goal}: {MedianOf(_pairs.Select(p => p.Ours)):N0} {unit}, raw {MedianOf(_pairs.Select(p => p.Raw)):N0} {unit}; ")
            + Invariant($"median ratio {Median:0.00} (spread {ratios[0]:0.00}–{ratios[^1]:0.00} over {_pairs.Count} pairs); ")
            + Invariant($"goal ≥ {target:0.00}: {(Median >= target ? "met" : "NOT met")}");
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);

    private static double MedianOf(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN
            : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2]
            : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
