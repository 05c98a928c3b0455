using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;

namespace ApprovalWatch.Presentation.Notices;

/// <summary>A supervision notice as a printable HTML document (the archive's copy, and the board's view with its reply).</summary>
public static class NoticeRenderer
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);
    private static readonly TemplateOptions Options = new() { MemberAccessStrategy = UnsafeMemberAccessStrategy.Instance };
    private static readonly IFluidTemplate Template = EmbeddedTemplates.All("ApprovalWatch.Presentation.Notices.Templates.")["notice"];

    /// <param name="trail">Each item's reply and what became of it, below it (the board's view); the archived copy has none.</param>
    public static string Render(NoticeView view, bool trail = false)
    {
        var context = new TemplateContext(Options);
        context.SetValue("v", view);
        context.SetValue("trail", trail);
        return Template.Render(context, Html);
    }
}
