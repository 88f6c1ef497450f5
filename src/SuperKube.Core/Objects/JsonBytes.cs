using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SuperKube.Objects;

/// <summary>Compact UTF-8 serialisation of JSON nodes.</summary>
internal static class JsonBytes
{
    public static byte[] From(JsonNode node)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            node.WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
