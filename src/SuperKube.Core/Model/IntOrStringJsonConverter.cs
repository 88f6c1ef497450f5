using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model;

/// <summary>Reads a JSON number or string into an <see cref="IntOrString"/> and writes it back the same way.</summary>
internal sealed class IntOrStringJsonConverter : JsonConverter<IntOrString>
{
    public override IntOrString Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Number when reader.TryGetInt32(out var value) => new IntOrString(value),
            JsonTokenType.String => new IntOrString(reader.GetString() ?? ""),
            _ => throw new JsonException($"expected an integer or a string, found {reader.TokenType}"),
        };

    public override void Write(Utf8JsonWriter writer, IntOrString value, JsonSerializerOptions options)
    {
        if (value.IsString)
        {
            writer.WriteStringValue(value.StringValue);
        }
        else
        {
            writer.WriteNumberValue(value.IntValue);
        }
    }
}
