
namespace ApprovalWatch.Pipeline.Mail;

/// <summary>What a failed call to the mail provider means for the mail.</summary>
public enum DeliveryFailure
{
    /// <summary>Not delivered, and it may work later (429, 5xx, no connection): tried again after a delay.</summary>
    Transient,

    /// <summary>Refused for this mail (400, a rejected recipient): trying again cannot help.</summary>
    Permanent,

    /// <summary>Refused for the account (401, 403: key or sender): sent again once a later mail goes through.</summary>
    Account,

    /// <summary>The request went out but no answer came in time: it may have been delivered, so it is not sent blindly again.</summary>
    Uncertain,
}
