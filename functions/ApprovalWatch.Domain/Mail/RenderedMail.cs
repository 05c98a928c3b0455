namespace ApprovalWatch.Mail;

/// <summary>An email ready to send: subject, plain text and HTML bodies.</summary>
public sealed record RenderedMail(string Subject, string Text, string Html);
