using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using ApprovalWatch.Domain.Text;
using ApprovalWatch.Presentation.Weekly;
using Fluid;
using Fluid.Values;

namespace ApprovalWatch.Presentation.Pages;

/// <summary>
/// Renders the board's pages: a Liquid template of <c>Pages/Templates/</c> for the page's body inside the one page
/// frame (<c>frame.liquid</c>: plain HTML readable on a phone, a style block, no script). Every value is HTML-encoded;
/// a template reads the page's model as <c>m</c>, the words of the viewer's language as <c>w</c>, and formats with the
/// filters <c>minute</c>, <c>amount</c>, <c>yi</c>, <c>pct</c>, <c>uri</c>, <c>department</c> and <c>flag</c>.
/// </summary>
public static class PageRenderer
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);
    private static readonly TemplateOptions Options = CreateOptions();
    private static readonly Dictionary<string, IFluidTemplate> Templates = EmbeddedTemplates.All("ApprovalWatch.Presentation.Pages.Templates.");

    /// <param name="template">The body's template, e.g. <c>board</c>.</param>
    /// <param name="who">The signed-in person as the header shows him, or null.</param>
    /// <param name="values">More values the template reads by name (e.g. a drawing's geometry).</param>
    public static string Render(string template, string title, string? who, Words words, object? model, IReadOnlyDictionary<string, object?>? values = null)
    {
        var context = new TemplateContext(Options);
        context.SetValue("w", words.All);
        context.SetValue("chinese", words.IsChinese);
        context.SetValue("title", title);
        context.SetValue("who", who ?? "");
        context.SetValue("m", model);
        foreach (var (name, value) in values ?? new Dictionary<string, object?>())
        {
            context.SetValue(name, value);
        }

        var body = Get(template).Render(context, Html);
        context.SetValue("body", new StringValue(body, encode: false));
        return Get("frame").Render(context, Html);
    }

    private static IFluidTemplate Get(string name) =>
        Templates.TryGetValue(name, out var template) ? template : throw new InvalidOperationException($"No page template {name}.");

    private static TemplateOptions CreateOptions()
    {
        var options = new TemplateOptions { MemberAccessStrategy = UnsafeMemberAccessStrategy.Instance };
        options.ValueConverters.Add(v =>
            v switch
            {
                DateOnly d => new StringValue(IsoDate.Format(d)),
                decimal m => NumberValue.Create(m),
                _ => null,
            }
        );
        options.Filters.AddFilter("minute", (input, _, _) =>
            Text(input.ToObjectValue() is DateTimeOffset moment ? IsoDate.Minute(moment.ToOffset(TimeSpan.FromHours(8))) : "")
        );
        options.Filters.AddFilter("amount", (input, _, _) => Text(input.ToNumberValue().ToString("#,0.##", CultureInfo.InvariantCulture)));
        options.Filters.AddFilter("yi", (input, _, _) => Text(WeeklyView.Yi(input.ToNumberValue())));
        options.Filters.AddFilter("pct", (input, _, _) => Text(WeeklyView.Pct(input.ToNumberValue())));
        options.Filters.AddFilter("uri", (input, _, _) => Text(Uri.EscapeDataString(input.ToStringValue())));
        options.Filters.AddFilter("department", (input, _, context) => Text(WordsOf(context).Department(input.ToStringValue())));
        options.Filters.AddFilter("flag", (input, _, context) =>
        {
            var flag = input.ToStringValue();
            var words = WordsOf(context);
            return flag is "red" or "yellow" or "paused" or "green" or "finished"
                ? new StringValue($"<span class=\"tag {flag}\">{Html.Encode(words["flag_" + flag])}</span>", encode: false)
                : Text(flag);
        });
        return options;
    }

    private static Words WordsOf(TemplateContext context) => Words.Of(context.GetValue("chinese").ToBooleanValue());

    private static ValueTask<FluidValue> Text(string text) => new(new StringValue(text));
}
