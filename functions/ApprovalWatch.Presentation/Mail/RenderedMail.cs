
namespace ApprovalWatch.Presentation.Mail;

/// <summary>An email ready to send: subject, plain text and HTML bodies, and any files (inline ones are named by the HTML as <c>cid:{ContentId}</c>).</summary>
public sealed record RenderedMail(string Subject, string Text, string Html)
{
    public IReadOnlyList<MailAttachment> Attachments { get; init; } = [];

    /// <summary>A stand-in's copy of a mail meant for someone away: its subject says whose it is (代).</summary>
    public RenderedMail StandingInFor(string name) => this with { Subject = $"（代 {name}）{Subject}" };
}

public sealed record MailAttachment(string FileName, string ContentType, byte[] Content, string? ContentId = null);
