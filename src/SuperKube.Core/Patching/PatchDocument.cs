using System.Text.Json;
using System.Text.Json.Nodes;

namespace SuperKube.Patching;

/// <summary>Parses patch bodies; malformed JSON is a 400.</summary>
internal static class PatchDocument
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 256 };

    /// <summary>Parses <paramref name="utf8Json"/> completely (so late errors such as duplicate keys surface here).</summary>
    public static JsonNode? Parse(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            var node = JsonNode.Parse(utf8Json, documentOptions: Options);
            Materialize(node);
            return node;
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            throw PatchException.BadRequest($"error decoding patch: {e.Message}");
        }
    }

    private static void Materialize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, value) in obj)
                {
                    Materialize(value);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Materialize(item);
                }

                break;
        }
    }
}
