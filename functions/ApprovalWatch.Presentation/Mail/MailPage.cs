using System.Net;

namespace ApprovalWatch.Presentation.Mail;

/// <summary>The frame every mail and page shares: one HTML document, inline styles only, every value encoded.</summary>
public static class MailPage
{
    public const string Signature = "ApprovalWatch 重点项目代办窗口 / key project agency window";

    public static string Html(string title, string body) =>
        $"<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>{Encode(title)}</title></head>"
        + $"<body style=\"font-family:sans-serif;font-size:14px;color:#222\">{body}<p style=\"color:#666\">{Signature}</p></body></html>";

    public static string Encode(string text) => WebUtility.HtmlEncode(text);
}
