using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model;

/// <summary>A map of resource name to quantity (<c>limits</c>, <c>capacity</c>), accepting numbers as values.</summary>
internal sealed class QuantityDictionaryJsonConverter : JsonConverter<IDictionary<string, string>>
{
    public override IDictionary<string, string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"expected an object of quantities, found {reader.TokenType}");
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString() ?? "";
            reader.Read();
            result[name] = QuantityJsonConverter.ReadQuantity(ref reader);
        }

        return result;
    }

    public override void Write(Utf8JsonWriter writer, IDictionary<string, string> value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (name, quantity) in value)
        {
            writer.WriteString(name, quantity);
        }

        writer.WriteEndObject();
    }
}
