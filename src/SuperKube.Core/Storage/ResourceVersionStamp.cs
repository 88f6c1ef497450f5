using System.Globalization;
using System.Text.Json;

namespace SuperKube.Storage;

/// <summary>
/// Writes a revision into <c>metadata.resourceVersion</c> of an object's UTF-8 JSON by splicing bytes: everything
/// else, including unknown fields, whitespace and escapes, is kept exactly as it was.
/// </summary>
internal static class ResourceVersionStamp
{
    /// <summary>Returns a copy of <paramref name="json"/> whose <c>metadata.resourceVersion</c> is <paramref name="revision"/>.</summary>
    /// <exception cref="JsonException">The input is not a JSON object.</exception>
    public static byte[] Stamp(ReadOnlySpan<byte> json, long revision)
    {
        Span<byte> number = stackalloc byte[20];
        revision.TryFormat(number, out var digits, provider: CultureInfo.InvariantCulture);
        var value = number[..digits];

        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("The object must be a JSON object.");
        }

        var rootHasProperties = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            rootHasProperties = true;
            var isMetadata = reader.ValueTextEquals("metadata"u8);
            reader.Read();
            if (!isMetadata)
            {
                reader.Skip();
                continue;
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                // metadata is null or malformed: replace it with an object holding only the revision.
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                return Splice(json, start, (int)reader.BytesConsumed, "{\"resourceVersion\":\""u8, value, "\"}"u8);
            }

            return StampMetadata(json, ref reader, value);
        }

        if (reader.TokenType != JsonTokenType.EndObject)
        {
            throw new JsonException("The object must be a JSON object.");
        }

        var end = (int)reader.TokenStartIndex;
        var prefix = rootHasProperties ? ",\"metadata\":{\"resourceVersion\":\""u8 : "\"metadata\":{\"resourceVersion\":\""u8;
        return Splice(json, end, end, prefix, value, "\"}"u8);
    }

    private static byte[] StampMetadata(ReadOnlySpan<byte> json, ref Utf8JsonReader reader, scoped ReadOnlySpan<byte> value)
    {
        var hasProperties = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            hasProperties = true;
            var isResourceVersion = reader.ValueTextEquals("resourceVersion"u8);
            reader.Read();
            if (isResourceVersion)
            {
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                return Splice(json, start, (int)reader.BytesConsumed, "\""u8, value, "\""u8);
            }

            reader.Skip();
        }

        var end = (int)reader.TokenStartIndex;
        var prefix = hasProperties ? ",\"resourceVersion\":\""u8 : "\"resourceVersion\":\""u8;
        return Splice(json, end, end, prefix, value, "\""u8);
    }

    /// <summary>Copies <paramref name="json"/> with the bytes in [start, end) replaced by prefix + value + suffix.</summary>
    private static byte[] Splice(
        ReadOnlySpan<byte> json, int start, int end, ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> value, ReadOnlySpan<byte> suffix)
    {
        var result = new byte[json.Length - (end - start) + prefix.Length + value.Length + suffix.Length];
        var output = result.AsSpan();
        json[..start].CopyTo(output);
        output = output[start..];
        prefix.CopyTo(output);
        output = output[prefix.Length..];
        value.CopyTo(output);
        output = output[value.Length..];
        suffix.CopyTo(output);
        output = output[suffix.Length..];
        json[end..].CopyTo(output);
        return result;
    }
}
