using System.Diagnostics;
using ApprovalWatch.Testing;

namespace ApprovalWatch.DevTools.Commands;

/// <summary>
/// Feeds the file readers and the validator mutated department files — CSV, tab-separated UTF-16, JSON and
/// real workbooks with bytes flipped, cut, repeated and inserted — and keeps any input the oracle
/// (<see cref="FuzzOracle"/>) calls a defect as a regression file.
/// </summary>
public static class FuzzCommand
{
    public static async Task<int> RunAsync(int seconds, int seed, string folder, TextWriter output)
    {
        var seeds = await FuzzOracle.SeedsAsync();
        var random = new Random(seed);
        var clock = Stopwatch.StartNew();
        var (runs, refused, defects) = (0, 0, 0);
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            var (name, content) = seeds[random.Next(seeds.Count)];
            var input = FuzzOracle.Mutate(content, random);
            var outcome = FuzzOracle.Probe(name, input);
            runs++;
            refused += outcome.Refusal is null ? 0 : 1;
            if (outcome.IsDefect)
            {
                defects++;
                Directory.CreateDirectory(folder);
                var file = Path.Combine(
                    folder,
                    $"crash-{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(input))[..12]}{Path.GetExtension(name)}"
                );
                await File.WriteAllBytesAsync(file, input);
                output.WriteLine($"defect: {outcome.Defect?.GetType().Name ?? "counts do not add up"}: {outcome.Defect?.Message} -> {file}");
            }
        }

        output.WriteLine(
            $"{runs:N0} mutated files in {clock.Elapsed.TotalSeconds:0} s ({runs / clock.Elapsed.TotalSeconds:N0}/s): {refused:N0} refused with a "
                + $"reason, {defects} defect(s)"
        );
        return defects == 0 ? 0 : 1;
    }
}
