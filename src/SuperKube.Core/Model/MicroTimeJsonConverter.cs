using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperKube.Model;

/// <summary>Kubernetes <c>MicroTime</c>: RFC 3339 in UTC with six fractional digits (<c>2025-01-01T00:00:00.000000Z</c>).</summary>
internal sealed class MicroTimeJsonConverter : JsonConverter<DateTimeOffset>
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        TimeJsonConverter.Parse(ref reader);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture));
}
