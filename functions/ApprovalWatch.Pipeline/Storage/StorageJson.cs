using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ApprovalWatch.Pipeline.Storage;

/// <summary>How receipts and digests are written as blobs: indented, Chinese kept readable.</summary>
public static class StorageJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The same on one line: JSON Lines and table properties.</summary>
    public static readonly JsonSerializerOptions Compact = new(Options) { WriteIndented = false };
}
