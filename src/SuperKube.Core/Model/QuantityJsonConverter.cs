using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model;

/// <summary>
/// A resource quantity (<c>500m</c>, <c>1Gi</c>) kept as its string. Clients may send plain numbers (<c>cpu: 1</c>);
/// those are read as their literal text and written back as strings, as the real server normalises them.
/// </summary>
internal sealed class QuantityJsonConverter : JsonConverter<string>
{
    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadQuantity(ref reader);

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    /// <summary>Reads a string or number token as quantity text.</summary>
    internal static string ReadQuantity(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString() ?? "",
        JsonTokenType.Number => Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan),
        _ => throw new JsonException($"expected a quantity, found {reader.TokenType}"),
    };
}
