using System.Text.Json;
using System.Text.Json.Nodes;
using SuperKube.Storage;

namespace SuperKube.WatchCache;

/// <summary>
/// An object held by the watch cache: the stored UTF-8 JSON (served as is on GET, LIST and WATCH) and its labels,
/// read once so label selectors do not re-parse.
/// </summary>
internal sealed class CachedObject
{
    private static readonly IReadOnlyDictionary<string, string> NoLabels = new Dictionary<string, string>();

    public CachedObject(StoredObject stored)
    {
        Key = stored.Key;
        Revision = stored.Revision;
        Json = stored.Json;
        Labels = ReadLabels(stored.Json.Span);
    }

    public ObjectKey Key { get; }

    public long Revision { get; }

    public ReadOnlyMemory<byte> Json { get; }

    public IReadOnlyDictionary<string, string> Labels { get; }

    /// <summary>Parses a fresh mutable copy of the object.</summary>
    public JsonObject Parse() => JsonNode.Parse(Json.Span)?.AsObject() ?? new JsonObject();

    private static IReadOnlyDictionary<string, string> ReadLabels(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return NoLabels;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isMetadata = reader.ValueTextEquals("metadata"u8);
            reader.Read();
            if (isMetadata && reader.TokenType == JsonTokenType.StartObject)
            {
                return ReadLabelsFromMetadata(ref reader);
            }

            reader.Skip();
        }

        return NoLabels;
    }

    private static IReadOnlyDictionary<string, string> ReadLabelsFromMetadata(ref Utf8JsonReader reader)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isLabels = reader.ValueTextEquals("labels"u8);
            reader.Read();
            if (isLabels && reader.TokenType == JsonTokenType.StartObject)
            {
                var labels = new Dictionary<string, string>(StringComparer.Ordinal);
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var key = reader.GetString() ?? "";
                    reader.Read();
                    labels[key] = reader.TokenType == JsonTokenType.String ? reader.GetString() ?? "" : "";
                }

                return labels;
            }

            reader.Skip();
        }

        return NoLabels;
    }
}
