using System.Text.Json.Nodes;

namespace SuperKube.Patching;

/// <summary>
/// RFC 7386 JSON merge patch (<c>application/merge-patch+json</c>): objects merge recursively, <c>null</c> deletes,
/// anything else (arrays included) replaces. A patch that is not an object replaces the whole document; the caller
/// rejects a result that is not an object.
/// </summary>
internal static class JsonMergePatch
{
    /// <summary>Parses <paramref name="patch"/> and applies it to a copy of <paramref name="original"/>.</summary>
    public static JsonNode? Apply(JsonNode? original, ReadOnlySpan<byte> patch) => Apply(original, PatchDocument.Parse(patch));

    /// <summary>Applies <paramref name="patch"/> to a deep copy of <paramref name="original"/>; neither is modified.</summary>
    public static JsonNode? Apply(JsonNode? original, JsonNode? patch) => Merge(original?.DeepClone(), patch);

    private static JsonNode? Merge(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var result = target as JsonObject ?? [];
        foreach (var (key, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(key);
                continue;
            }

            result.TryGetPropertyValue(key, out var current);
            var merged = Merge(current, value);
            if (!ReferenceEquals(merged, current))
            {
                result[key] = merged;
            }
        }

        return result;
    }
}
