namespace ApprovalWatch.Testing.StandIns;

/// <summary>One message as SendGrid's <c>POST /v3/mail/send</c> received it.</summary>
public sealed record ReceivedMail(string MessageId, string From, string To, string Subject, string Text, string Html, string? EmlPath)
{
    /// <summary>The files attached, by name.</summary>
    public IReadOnlyList<(string Name, byte[] Content)> Attachments { get; init; } = [];
}
