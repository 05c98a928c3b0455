using System.Text.Json;

namespace ApprovalWatch.Pipeline.Storage;

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
