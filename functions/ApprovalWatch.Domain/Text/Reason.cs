using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ApprovalWatch.Domain.Text;

/// <summary>
/// Why a row was refused or a file not read, or what a reader must note: a code and its values, never words. Presentation
/// says it in the reader's language from its one table (<c>Presentation/Reasons</c>). The values are invariant text —
/// numbers as digits, dates as ISO dates, departments by their ids — so a stored reason reads the same in any language.
/// </summary>
[JsonConverter(typeof(ReasonJsonConverter))]
public sealed record Reason(string Code, IReadOnlyList<string> Values)
{
    /// <summary>The code of a text stored before reasons had codes (<c>中文；English</c>), kept as it was written.</summary>
    public const string Written = "written";

    public static Reason Of(string code, params object?[] values) => new(code, [.. values.Select(Invariant)]);

    public bool Equals(Reason? other) => other is not null && Code == other.Code && Values.SequenceEqual(other.Values);

    public override int GetHashCode() => Values.Aggregate(Code.GetHashCode(StringComparison.Ordinal), HashCode.Combine);

    /// <summary>For logs and exceptions: the code and its values.</summary>
    public override string ToString() => Values.Count == 0 ? Code : $"{Code}({string.Join(", ", Values)})";

    private static string Invariant(object? value) => value switch
    {
        null => "",
        DateOnly date => IsoDate.Format(date),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}

/// <summary>A reason as <c>{"code": …, "values": […]}</c>; a plain string (a receipt written before codes) reads as <see cref="Reason.Written"/>.</summary>
public sealed class ReasonJsonConverter : JsonConverter<Reason>
{
    public override Reason Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return new Reason(Reason.Written, [reader.GetString() ?? ""]);
        }

        var (code, values) = ("", new List<string>());
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A reason is a string or an object.");
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            if (string.Equals(name, "code", StringComparison.OrdinalIgnoreCase))
            {
                code = reader.GetString() ?? "";
            }
            else if (string.Equals(name, "values", StringComparison.OrdinalIgnoreCase) && reader.TokenType == JsonTokenType.StartArray)
            {
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    values.Add(reader.GetString() ?? "");
                }
            }
            else
            {
                reader.Skip();
            }
        }

        return new Reason(code, values);
    }

    public override void Write(Utf8JsonWriter writer, Reason value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("code", value.Code);
        writer.WriteStartArray("values");
        foreach (var v in value.Values)
        {
            writer.WriteStringValue(v);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
