using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ApprovalWatch.Analyzers;

/// <summary>
/// AW0001: a line longer than the <c>max_line_length</c> that <c>.editorconfig</c> sets for the file (counted in
/// characters). With warnings as errors, the build fails on it; generated files are not read.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LineLengthAnalyzer : DiagnosticAnalyzer
{
    public const string Id = "AW0001";

    private static readonly DiagnosticDescriptor Rule = new(
        Id,
        "Line too long",
        "This line is {0} characters long; .editorconfig sets max_line_length = {1}",
        "Style",
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSyntaxTreeAction(tree =>
        {
            if (!tree.Options.AnalyzerConfigOptionsProvider.GetOptions(tree.Tree).TryGetValue("max_line_length", out var setting)
                || !int.TryParse(setting, out var max) || max <= 0)
            {
                return;
            }

            foreach (var line in tree.Tree.GetText(tree.CancellationToken).Lines)
            {
                if (line.Span.Length > max)
                {
                    tree.ReportDiagnostic(Diagnostic.Create(Rule, Location.Create(tree.Tree, line.Span), line.Span.Length, max));
                }
            }
        });
    }
}
