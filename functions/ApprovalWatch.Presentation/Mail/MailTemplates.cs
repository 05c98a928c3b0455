using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;
using Fluid.Values;

namespace ApprovalWatch.Presentation.Mail;

/// <summary>
/// The mails made from a template pair of <c>Mail/Templates/</c> (receipts, the operator report): <c>{name}.txt.liquid</c>
/// for the text, <c>{name}.html.liquid</c> for the HTML body inside the one mail frame (<c>frame.html.liquid</c>: one
/// document, inline styles only, every value encoded). A template reads its model as <c>m</c> and the subject as
/// <c>subject</c>. Digests and weekly reports are whole templates of their own, which an operator may replace.
/// </summary>
public static class MailTemplates
{
    /// <summary>The name mails are sent under unless the configuration names another (<c>Mail:FromName</c>).</summary>
    public const string SenderName = "ApprovalWatch 审批时限提醒";

    public const string Signature = "ApprovalWatch 重点项目代办窗口 / key project agency window";

    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);
    private static readonly TemplateOptions Options = new() { MemberAccessStrategy = UnsafeMemberAccessStrategy.Instance };
    private static readonly Dictionary<string, IFluidTemplate> Templates = EmbeddedTemplates.All("ApprovalWatch.Presentation.Mail.Templates.");

    /// <param name="language">The reader's one language; null for a mail in both.</param>
    public static RenderedMail Render(string name, string subject, object model, Domain.Staff.Language? language = null)
    {
        var context = new TemplateContext(Options);
        context.SetValue("subject", subject);
        context.SetValue("signature", language is { } one ? Words.Of(one)["digest.signature"] : Signature);
        context.SetValue("html_lang", language is { } l ? Domain.Staff.Languages.Tag(l) : "zh-CN");
        context.SetValue("m", model);
        var text = Get($"{name}.txt").Render(context, NullEncoder.Default);
        context.SetValue("body", new StringValue(Get($"{name}.html").Render(context, Html), encode: false));
        return new RenderedMail(subject, text, Get("frame.html").Render(context, Html));
    }

    private static IFluidTemplate Get(string name) =>
        Templates.TryGetValue(name, out var template) ? template : throw new InvalidOperationException($"No mail template {name}.");
}
