using System.Text.Json;

namespace ApprovalWatch.Pipeline.Storage;

/// <summary>
/// Asks SendDigest to send one mail: of a <paramref name="Kind"/> that its producer registered (a digest, a receipt,
/// a report), to <paramref name="Recipient"/>, for the office day <paramref name="Date"/>, about
/// <paramref name="About"/> when the kind needs one (the submitted file of a receipt, the week of a report).
/// </summary>
public sealed record NotifyMessage(string Kind, DateOnly Date, string Recipient, string? About = null)
{
    /// <summary>A message about a kind's own record (written as JSON): a notice and the recipient's part in it, a group's post.</summary>
    public static NotifyMessage Regarding<T>(string kind, DateOnly date, string recipient, T about)
        where T : class => new(kind, date, recipient, JsonSerializer.Serialize(about, StorageJson.Compact));

    /// <summary>What the message is about as the kind's record; null when it holds none (an older message, read by its kind's old form).</summary>
    public T? AboutAs<T>()
        where T : class
    {
        if (About is not ['{', ..])
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(About, StorageJson.Compact);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Reads a message, those queued before messages named their kind included.</summary>
    public static NotifyMessage Read(string text) => QueueMessages.Read<Wire>(text).ToMessage();

    /// <summary>
    /// The kind of a message or ledger row written before kinds were named, told by which field was set. These four
    /// names are the kinds of that time; the producers registered under them keep them.
    /// </summary>
    internal static (string Kind, string? About) Legacy(string? receipt, bool isOperator, string? weekly) =>
        receipt is not null ? ("reply", receipt) : isOperator ? ("operator", null) : weekly is not null ? ("weekly", weekly) : ("digest", null);

    private sealed record Wire(
        DateOnly Date,
        string Recipient,
        string? Kind = null,
        string? About = null,
        string? Receipt = null,
        bool Operator = false,
        string? Weekly = null
    )
    {
        public NotifyMessage ToMessage()
        {
            var (kind, about) = Kind is null ? Legacy(Receipt, Operator, Weekly) : (Kind, About);
            return new NotifyMessage(kind, Date, Recipient, about);
        }
    }
}
