using System.Text.Json.Nodes;
using SuperKube.Model.Core;

namespace SuperKube.Controllers.Apps;

/// <summary>
/// A pod template as JSON in a normal form for comparing and hashing: without the <c>pod-template-hash</c> label,
/// and without empty objects and lists, which Kubernetes' typed decoding does not tell apart from absent fields
/// (<c>kubectl rollout undo</c> sends <c>resources: {}</c> where the original had nothing).
/// </summary>
internal static class TemplateJson
{
    public static JsonNode? Normalize(PodTemplateSpec? template)
    {
        var node = ModelJson.ToNode(template);
        if (node?["metadata"]?["labels"] is JsonObject labels)
        {
            labels.Remove(PodTemplateHash.Label);
        }

        Prune(node);
        return node;
    }

    /// <summary>Removes empty objects and lists below <paramref name="node"/>; true when it is itself empty now.</summary>
    private static bool Prune(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).ToList())
                {
                    if (obj[name] is null || Prune(obj[name]))
                    {
                        obj.Remove(name);
                    }
                }

                return obj.Count == 0;
            case JsonArray array:
                foreach (var item in array)
                {
                    Prune(item);
                }

                return array.Count == 0;
            default:
                return false;
        }
    }
}
