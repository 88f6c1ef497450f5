using System.Text.Json.Nodes;
using SuperKube.Schema;

namespace SuperKube.CustomResources;

/// <summary>
/// Applies the <c>default</c>s of a structural schema, top-down like the real server: a missing field (or a null one
/// that is not nullable) gets a copy of its default, and defaults inside that value and inside existing objects,
/// arrays and maps are applied in turn. Nulls of non-nullable fields without a default are dropped.
/// </summary>
internal static class SchemaDefaulter
{
    public static void Apply(JsonObject obj, StructuralSchema schema)
    {
        ArgumentNullException.ThrowIfNull(obj);
        ArgumentNullException.ThrowIfNull(schema);
        Object(obj, schema, root: true);
    }

    private static void Node(JsonNode? value, StructuralSchema schema)
    {
        switch (value)
        {
            case JsonObject obj:
                Object(obj, schema, root: false);
                break;
            case JsonArray array when schema.Items is { } items:
                foreach (var item in array)
                {
                    Node(item, items);
                }

                break;
        }
    }

    private static void Object(JsonObject obj, StructuralSchema schema, bool root)
    {
        foreach (var (name, property) in schema.Properties ?? new Dictionary<string, StructuralSchema>())
        {
            var present = obj.TryGetPropertyValue(name, out var value);
            if (present && value is null && !property.Nullable)
            {
                obj.Remove(name);
                present = false;
            }

            if (!present && property.Default is JsonNode fallback)
            {
                obj[name] = fallback.DeepClone();
            }
        }

        foreach (var (name, value) in obj.ToList())
        {
            if (root && name == "metadata")
            {
                continue;
            }

            if (schema.Properties is not null && schema.Properties.TryGetValue(name, out var property))
            {
                Node(value, property);
            }
            else if (schema.AdditionalProperties is { } additional)
            {
                Node(value, additional);
            }
        }
    }
}
