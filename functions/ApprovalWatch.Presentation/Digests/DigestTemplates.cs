using System.Text.Encodings.Web;
using System.Text.Unicode;
using ApprovalWatch.Domain.Deadlines;
using ApprovalWatch.Domain.Digests;
using ApprovalWatch.Domain.Staff;
using ApprovalWatch.Domain.Text;
using ApprovalWatch.Presentation.Mail;
using Fluid;

namespace ApprovalWatch.Presentation.Digests;

/// <summary>
/// The digest's Liquid templates (Fluid), HTML and plain text, over <see cref="DigestView"/>. Built into the app;
/// an operator may replace either with <c>config/templates/digest.html.liquid</c> or <c>digest.txt.liquid</c>.
/// A template is proved before it is used — parsed, then rendered for a sample digest in both languages — so
/// a broken one is refused with the reason and the one in force stays. Every value is HTML-encoded in the HTML.
/// </summary>
public sealed class DigestTemplates
{
    public const string HtmlBlob = "templates/digest.html.liquid";
    public const string TextBlob = "templates/digest.txt.liquid";

    private static readonly TemplateOptions Options = new();

    // Encodes markup characters and leaves Chinese readable in the source.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly IFluidTemplate _html;
    private readonly IFluidTemplate _text;

    private DigestTemplates(IFluidTemplate html, IFluidTemplate text) => (_html, _text) = (html, text);

    public static DigestTemplates BuiltIn { get; } = new(Parse(BuiltInSource(HtmlBlob), HtmlBlob), Parse(BuiltInSource(TextBlob), TextBlob));

    /// <summary>The built-in source of a template, to start an operator's own from.</summary>
    public static string BuiltInSource(string blobName)
    {
        return EmbeddedTemplates.Source("ApprovalWatch.Presentation.Digests.Templates." + Path.GetFileName(blobName));
    }

    /// <summary>Templates from an operator's sources (null: the built-in one).</summary>
    /// <exception cref="FormatException">A template does not parse or does not render, with the reason.</exception>
    public static DigestTemplates From(string? html, string? text)
    {
        var templates = new DigestTemplates(
            html is null ? BuiltIn._html : Parse(html, HtmlBlob),
            text is null ? BuiltIn._text : Parse(text, TextBlob));
        foreach (var language in Enum.GetValues<Language>())
        {
            try
            {
                var mail = templates.Render(Sample, language);
                if (mail.Html.Length == 0 || mail.Text.Length == 0)
                {
                    throw new FormatException("it renders an empty mail");
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                throw new FormatException($"templates/*.liquid do not render a digest ({language}): {e.Message}", e);
            }
        }

        return templates;
    }

    /// <param name="ack">The acknowledgement link of a line, when the board can take one.</param>
    public RenderedMail Render(Digest digest, Language language, Func<DigestLine, string?>? ack = null)
    {
        var model = DigestView.Of(digest, DigestText.For(language), ack);
        var context = new TemplateContext(Options);
        foreach (var (name, value) in model)
        {
            context.SetValue(name, value);
        }

        return new RenderedMail((string)model["subject"]!, _text.Render(context, NullEncoder.Default), _html.Render(context, Html));
    }

    private static IFluidTemplate Parse(string source, string name) =>
        EmbeddedTemplates.Parse(source, name);

    /// <summary>A digest with every kind of section, line, note and change, to prove a template on.</summary>
    private static readonly Digest Sample = new(
        new DateOnly(2026, 3, 16),
        "sample@example.org",
        "Sample <b>&",
        [
            new DigestSection(DigestReason.Handler, [SampleLine]),
            new DigestSection(DigestReason.DepartmentHead, [SampleLine]),
            new DigestSection(DigestReason.Coordinator, [SampleLine]),
            new DigestSection(DigestReason.ProjectAtRisk,
            [
                new ProjectLine
                {
                    ProjectCode = "2022-653001-48-01-00123X", ProjectName = "Sample project", ChineseName = "全流程", EnglishName = "Whole process",
                    StartedOn = new DateOnly(2026, 1, 5), DueOn = new DateOnly(2026, 3, 20), LimitDays = 120, Flag = Flag.Yellow, WorkingDaysLeft = 4,
                    Stage = 0, HoldingDepartments = ["housing"],
                },
            ]),
        ])
    {
        Notes = [Reason.Of("digest.missed_days", "2026-03-13")],
        Resolved = [new DigestItem("2022-653001-48-01-00123X", "HC-02", "Sample project", "样例", "Sample", Flag.Red, 1)],
        Departments = [new DepartmentCount("housing", 3, 2)],
    };

    private static ProcedureLine SampleLine =>
        new()
        {
            ProjectCode = "2022-653001-48-01-00123X",
            ProjectName = "Sample <project>",
            ProcedureCode = "HC-01",
            ChineseName = "样例事项",
            EnglishName = "Sample procedure",
            Department = "housing",
            HandlerEmail = "sample@example.org",
            HandlerName = "Sample",
            StartedOn = new DateOnly(2026, 2, 2),
            DueOn = new DateOnly(2026, 3, 12),
            LimitDays = 15,
            StatutoryDays = 20,
            Flag = Flag.Red,
            WorkingDaysLeft = -2,
            Stage = 2,
        };
}
