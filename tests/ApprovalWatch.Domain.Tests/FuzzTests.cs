using ApprovalWatch.Testing;
using CsCheck;

namespace ApprovalWatch.Domain.Tests;

/// <summary>
/// Random and mutated department files (CSV, tab-separated UTF-16, GB18030, JSON, workbooks) end in rows or a
/// documented refusal, with counts that add up and bounded memory; `approvalwatch-dev fuzz` runs the same for
/// minutes and keeps what breaks under Fixtures/fuzz, which every run here replays.
/// </summary>
public class FuzzTests
{
    private static readonly IReadOnlyList<(string Name, byte[] Content)> Seeds = FuzzOracle.SeedsAsync().GetAwaiter().GetResult();

    [Fact]
    public void Mutated_department_files_end_in_rows_or_a_refusal_with_counts_that_add_up()
    {
        Gen.Int.Sample(
            seed =>
            {
                var random = new Random(seed);
                var (name, content) = Seeds[random.Next(Seeds.Count)];
                var outcome = FuzzOracle.Probe(name, FuzzOracle.Mutate(content, random));
                return !outcome.IsDefect;
            },
            iter: 3_000);
    }

    [Fact]
    public void Random_bytes_under_every_accepted_name_end_in_a_refusal_or_rows()
    {
        string[] extensions = [".csv", ".txt", ".xlsx", ".xls", ".json", ""];
        Gen.Select(Gen.Byte.Array[0, 2_048], Gen.Int[0, extensions.Length - 1].Select(i => extensions[i]))
            .Sample((bytes, extension) => !FuzzOracle.Probe("housing/random" + extension, bytes).IsDefect, iter: 3_000);
    }

    [Fact]
    public void Reading_a_mutated_file_allocates_in_proportion_to_the_file_not_to_what_it_claims()
    {
        Gen.Int.Sample(
            seed =>
            {
                var random = new Random(seed);
                var (name, content) = Seeds[random.Next(Seeds.Count)];
                var input = FuzzOracle.Mutate(content, random);
                var before = GC.GetAllocatedBytesForCurrentThread();
                FuzzOracle.Probe(name, input);
                return GC.GetAllocatedBytesForCurrentThread() - before < 64L * 1024 * 1024;
            },
            iter: 500);
    }

    public static TheoryData<string> Regressions() =>
        [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "fuzz")).Select(f => Path.GetFileName(f))];

    [Theory]
    [MemberData(nameof(Regressions))]
    public void An_input_that_once_broke_a_reader_now_ends_in_rows_or_a_refusal(string file)
    {
        var outcome = FuzzOracle.Probe("housing/" + file, File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "fuzz", file)));
        Assert.False(outcome.IsDefect, outcome.Defect?.ToString());
    }
}
