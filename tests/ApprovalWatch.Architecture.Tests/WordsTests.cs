using System.Text.RegularExpressions;
using ApprovalWatch.Domain.Text;
using ApprovalWatch.Presentation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ApprovalWatch.Architecture.Tests;

/// <summary>Words live in Presentation: the rules give reasons as codes, and every code has its words in both languages.</summary>
public partial class WordsTests
{
    private static readonly Regex Cjk = CjkPattern();

    [Fact]
    public void No_text_in_the_pipeline_is_chinese() =>
        Assert.Empty(Literals(Path.Combine(Folders.Functions, "ApprovalWatch.Pipeline")).Where(l => Cjk.IsMatch(l.Text)).Select(l => l.Where));

    [Fact]
    public void No_text_in_the_domain_is_a_sentence_in_two_languages() =>
        Assert.Empty(
            Literals(Path.Combine(Folders.Functions, "ApprovalWatch.Domain"))
                .Where(l => l.Text.Split('；') is [var before, var after, ..] && Cjk.IsMatch(before) && after.Any(char.IsAsciiLetter))
                .Select(l => l.Where)
        );

    [Fact]
    public void Every_reason_the_app_gives_has_words_in_both_languages_and_every_word_is_used()
    {
        var given = Directory
            .EnumerateFiles(Folders.Functions, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .SelectMany(f => FirstArgumentPattern().Matches(File.ReadAllText(f)))
            .SelectMany(call => CodePattern().Matches(call.Groups[1].Value).Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);

        Assert.Empty(given.Except(Reasons.Codes));
        Assert.Empty(Reasons.Codes.Except(given));
        object[] values = [.. Enumerable.Range(1, 9).Cast<object>()];
        // The Chinese words are Chinese, unless the reason is only its value (a file's format, "JSON").
        Assert.All(given.Where(code => Reasons.Say(Reason.Of(code, values), null) != "1"), code =>
            Assert.Matches(Cjk, Reasons.Say(Reason.Of(code, values), Domain.Staff.Language.Chinese)));
    }

    [Fact]
    public void A_text_written_before_reasons_had_codes_reads_as_it_was_written()
    {
        var old = System.Text.Json.JsonSerializer.Deserialize<Reason>("\"必填项为空；required value is empty\"")!;
        var coded = System.Text.Json.JsonSerializer.Deserialize<Reason>(System.Text.Json.JsonSerializer.Serialize(Reason.Of("cell.too_long", 1200, 500)))!;

        Assert.Equal(("必填项为空", "required value is empty"), (Reasons.Say(old, Domain.Staff.Language.Chinese), Reasons.Say(old, Domain.Staff.Language.English)));
        Assert.Equal("too long: 1,200 characters, at most 500", Reasons.Say(coded, Domain.Staff.Language.English));
        Assert.Throws<KeyNotFoundException>(() => Reasons.Say(Reason.Of("no.such_code"), null));
    }

    private static IEnumerable<(string Text, string Where)> Literals(string folder) =>
        Directory
            .EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .SelectMany(f =>
                CSharpSyntaxTree
                    .ParseText(File.ReadAllText(f))
                    .GetRoot()
                    .DescendantTokens()
                    .Where(t => t.IsKind(SyntaxKind.StringLiteralToken) || t.IsKind(SyntaxKind.InterpolatedStringTextToken)
                        || t.IsKind(SyntaxKind.SingleLineRawStringLiteralToken) || t.IsKind(SyntaxKind.MultiLineRawStringLiteralToken))
                    .Select(t => (t.ValueText, $"{Path.GetFileName(f)}:{t.GetLocation().GetLineSpan().StartLinePosition.Line + 1}: {t.ValueText}"))
            );

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex CjkPattern();

    /// <summary>The first argument of a <c>Reason.Of</c> call: a code, or a choice of codes.</summary>
    [GeneratedRegex(@"Reason\.Of\(\s*([^,)]*)")]
    private static partial Regex FirstArgumentPattern();

    [GeneratedRegex(@"""([a-z]+\.[a-z_]+)""")]
    private static partial Regex CodePattern();
}
