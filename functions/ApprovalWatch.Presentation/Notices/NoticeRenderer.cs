using System.Text.Encodings.Web;
using System.Text.Unicode;
using ApprovalWatch.Domain.Notices;
using ApprovalWatch.Domain.Text;
using Fluid;

namespace ApprovalWatch.Presentation.Notices;

/// <summary>A supervision notice as a printable HTML document (the archive's copy, and the board's view with its reply).</summary>
public static class NoticeRenderer
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);
    private static readonly TemplateOptions Options = new() { MemberAccessStrategy = UnsafeMemberAccessStrategy.Instance };
    private static readonly IFluidTemplate Template = EmbeddedTemplates.All("ApprovalWatch.Presentation.Notices.Templates.")["notice"];

    /// <param name="reply">Shown below the document when given (the board's view); the archived copy has none.</param>
    public static string Render(NoticeView view, NoticeReply? reply = null)
    {
        var context = new TemplateContext(Options);
        context.SetValue("v", view);
        if (reply is not null)
        {
            context.SetValue(
                "reply",
                new
                {
                    reply.ByName,
                    RepliedOn = IsoDate.Format(reply.RepliedOn),
                    reply.Reason,
                    reply.Measures,
                    PromisedOn = IsoDate.Format(reply.PromisedOn),
                }
            );
        }

        return Template.Render(context, Html);
    }
}
