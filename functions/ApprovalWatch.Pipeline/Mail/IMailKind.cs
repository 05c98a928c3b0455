using ApprovalWatch.Pipeline.Storage;
using ApprovalWatch.Presentation.Mail;

namespace ApprovalWatch.Pipeline.Mail;

/// <summary>
/// One kind of mail, registered by the part of the app that produces it (<c>services.AddMailKind&lt;T&gt;()</c>):
/// where its ledger row sits and how it is rendered. The sender knows mail only through these.
/// </summary>
public interface IMailKind
{
    /// <summary>The name its messages carry (<see cref="NotifyMessage.Kind"/>).</summary>
    string Kind { get; }

    /// <summary>The mail a message asks for, or null when what it is about is gone (nothing is sent or recorded).</summary>
    Task<MailDraft?> DraftAsync(NotifyMessage message, CancellationToken cancellationToken);
}

/// <summary>A mail about to be sent: its ledger key, and how to render it once it is claimed.</summary>
public sealed record MailDraft(NotificationKey Key, Func<CancellationToken, Task<OutgoingMail>> RenderAsync)
{
    /// <summary>
    /// Delivers it by something other than mail (a group chat robot) and returns that service's id for it; it fails with a
    /// <see cref="MailDeliveryException"/> as mail does, so the ledger retries, records and never repeats it alike.
    /// </summary>
    public Func<OutgoingMail, CancellationToken, Task<string>>? DeliverAsync { get; init; }
}

/// <summary>A rendered mail, the recipient's name for its header, and how many lines it lists (for the ledger).</summary>
public sealed record OutgoingMail(string RecipientName, RenderedMail Mail, int Lines);
