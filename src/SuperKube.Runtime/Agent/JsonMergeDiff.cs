using System.Text.Json.Nodes;

namespace SuperKube.Runtime.Agent;

/// <summary>Builds the JSON merge patch that turns one object into another (null for removed fields; arrays whole).</summary>
internal static class JsonMergeDiff
{
    /// <summary>The patch, or null when the two are equal.</summary>
    public static JsonObject? Create(JsonObject? before, JsonObject after)
    {
        var patch = new JsonObject();
        before ??= [];
        foreach (var (key, value) in after)
        {
            var old = before[key];
            if (!before.ContainsKey(key))
            {
                patch[key] = value?.DeepClone();
            }
            else if (old is JsonObject oldObject && value is JsonObject newObject)
            {
                if (Create(oldObject, newObject) is { } nested)
                {
                    patch[key] = nested;
                }
            }
            else if (!JsonNode.DeepEquals(old, value))
            {
                patch[key] = value?.DeepClone();
            }
        }

        foreach (var (key, _) in before)
        {
            if (!after.ContainsKey(key))
            {
                patch[key] = null;
            }
        }

        return patch.Count == 0 ? null : patch;
    }
}
