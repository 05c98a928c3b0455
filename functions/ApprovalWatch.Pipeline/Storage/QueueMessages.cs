using System.Text.Json;

namespace ApprovalWatch.Storage;

/// <summary>Asks IngestSubmission to read one version of one blob under <c>submissions/</c>.</summary>
public sealed record IngestMessage(string BlobName, string ETag);

/// <summary>
/// Asks SendDigest to send one recipient his digest of one office day or, with <paramref name="Receipt"/>
/// (a submitted blob's name), the receipt of that file.
/// </summary>
public sealed record NotifyMessage(DateOnly Date, string Recipient, string? Receipt = null);

/// <summary>Queue messages are JSON; a message that does not read fails loudly and ends in the poison queue.</summary>
public static class QueueMessages
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public static string Write<T>(T message) => JsonSerializer.Serialize(message, Options);

    public static T Read<T>(string text)
        where T : class =>
        JsonSerializer.Deserialize<T>(text, Options) ?? throw new FormatException($"Queue message is not a {typeof(T).Name}: {text}");
}
