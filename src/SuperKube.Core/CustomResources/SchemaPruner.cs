using System.Text.Json.Nodes;
using SuperKube.Schema;

namespace SuperKube.CustomResources;

/// <summary>
/// Removes fields a structural schema does not specify, as the real server does for custom resources, unless the
/// schema keeps unknown fields (<c>x-kubernetes-preserve-unknown-fields</c>). apiVersion, kind and metadata are kept
/// at the root and in embedded resources.
/// </summary>
internal static class SchemaPruner
{
    /// <summary>Prunes <paramref name="obj"/> in place and returns the paths of the removed fields (<c>spec.extra</c>).</summary>
    public static IReadOnlyList<string> Prune(JsonObject obj, StructuralSchema schema)
    {
        ArgumentNullException.ThrowIfNull(obj);
        ArgumentNullException.ThrowIfNull(schema);
        var pruned = new List<string>();
        Object(obj, schema, "", pruned, keepTypeMeta: true);
        return pruned;
    }

    private static void Node(JsonNode? value, StructuralSchema schema, string path, List<string> pruned)
    {
        switch (value)
        {
            case JsonObject obj:
                Object(obj, schema, path, pruned, keepTypeMeta: schema.EmbeddedResource);
                break;
            case JsonArray array when schema.Items is { } items:
                for (var i = 0; i < array.Count; i++)
                {
                    Node(array[i], items, $"{path}[{i}]", pruned);
                }

                break;
        }
    }

    private static void Object(JsonObject obj, StructuralSchema schema, string path, List<string> pruned, bool keepTypeMeta)
    {
        foreach (var name in obj.Select(p => p.Key).ToList())
        {
            var childPath = SchemaValidator.Child(path, name);
            if (keepTypeMeta && name == "metadata")
            {
                // Object metadata follows ObjectMeta, not the CRD schema.
                continue;
            }

            if (schema.Properties is not null && schema.Properties.TryGetValue(name, out var property))
            {
                Node(obj[name], property, childPath, pruned);
            }
            else if (schema.AdditionalProperties is { } additional)
            {
                Node(obj[name], additional, childPath, pruned);
            }
            else if (!schema.PreserveUnknownFields && !(keepTypeMeta && name is "apiVersion" or "kind" or "metadata"))
            {
                obj.Remove(name);
                pruned.Add(childPath);
            }
        }
    }
}
