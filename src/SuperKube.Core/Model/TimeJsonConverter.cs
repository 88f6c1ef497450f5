using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model;

/// <summary>
/// Kubernetes <c>Time</c>: RFC 3339 in UTC with whole seconds (<c>2025-01-01T00:00:00Z</c>). Reading accepts any
/// RFC 3339 timestamp.
/// </summary>
internal sealed class TimeJsonConverter : JsonConverter<DateTimeOffset>
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Parse(ref reader);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture));

    /// <summary>Parses a JSON string holding an RFC 3339 timestamp.</summary>
    internal static DateTimeOffset Parse(ref Utf8JsonReader reader)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        if (text is null ||
            !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            throw new JsonException("expected an RFC 3339 timestamp");
        }

        return value;
    }
}
