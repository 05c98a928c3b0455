using System.Text.Encodings.Web;
using System.Text.Unicode;
using ApprovalWatch.Domain.Staff;
using ApprovalWatch.Domain.Weekly;
using ApprovalWatch.Presentation.Mail;
using Fluid;

namespace ApprovalWatch.Presentation.Weekly;

/// <summary>The weekly report as HTML and plain text (Fluid templates over <see cref="WeeklyView"/>); every value HTML-encoded in the HTML.</summary>
public static class WeeklyRenderer
{
    private static readonly FluidParser Parser = new();
    private static readonly TemplateOptions Options = CreateOptions();
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);
    private static readonly IFluidTemplate HtmlTemplate = Parse("weekly.html.liquid");
    private static readonly IFluidTemplate TextTemplate = Parse("weekly.txt.liquid");

    /// <param name="image">Where a chart's image is found, by its name.</param>
    /// <param name="reader">Whom the mail is for: it opens with what is his (<see cref="WeeklyReader"/>).</param>
    public static RenderedMail Render(WeeklyReport report, Language language, Func<string, string> image, WeeklyReader? reader = null)
    {
        var view = WeeklyView.Of(report, language, image, reader);
        var context = new TemplateContext(Options);
        context.SetValue("view", view);
        context.SetValue("lang", language == Language.English ? "en" : "zh-CN");
        return new RenderedMail(view.Subject, TextTemplate.Render(context, NullEncoder.Default), HtmlTemplate.Render(context, Html));
    }

    private static TemplateOptions CreateOptions()
    {
        var options = new TemplateOptions();
        foreach (var type in new[] { typeof(WeeklyView), typeof(ViewSection), typeof(ViewTable), typeof(ViewRow), typeof(ViewImage) })
        {
            options.MemberAccessStrategy.Register(type);
        }

        return options;
    }

    private static IFluidTemplate Parse(string name) =>
        EmbeddedTemplates.Parse(EmbeddedTemplates.Source("ApprovalWatch.Presentation.Weekly.Templates." + name), name);
}
