using System.Globalization;
using System.Text.Json.Nodes;
using SuperKube.Schema;

namespace SuperKube.Apply;

/// <summary>
/// Finds fields a schema does not declare, for <c>fieldValidation</c>. Maps, preserve-unknown-fields objects and
/// kinds without a schema accept anything. Paths are printed as upstream strict decoding does:
/// <c>spec.template.spec.containers[0].foo</c>.
/// </summary>
internal static class UnknownFields
{
    /// <summary>
    /// The undeclared fields of <paramref name="obj"/>. Fields that <paramref name="existing"/> (the stored object)
    /// already has at the same place are not reported, so objects written earlier stay writable.
    /// </summary>
    public static List<string> Find(JsonObject obj, StructuralSchema? schema, JsonObject? existing = null)
    {
        var found = new List<string>();
        Walk(obj, schema, existing, "", found, root: true);
        return found;
    }

    private static void Walk(JsonNode? node, StructuralSchema? schema, JsonNode? existing, string path, List<string> found, bool root = false)
    {
        if (schema is null)
        {
            return;
        }

        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    var childPath = path.Length == 0 ? name : $"{path}.{name}";
                    var known = schema.Properties is not null && schema.Properties.TryGetValue(name, out var property) ? property : schema.AdditionalProperties;
                    if (known is null)
                    {
                        if ((root || IsComplete(schema)) && IsClosed(schema) && !(existing is JsonObject old && old.ContainsKey(name)))
                        {
                            found.Add(childPath);
                        }

                        continue;
                    }

                    Walk(value, known, (existing as JsonObject)?[name], childPath, found);
                }

                break;
            case JsonArray list when schema.Items is not null:
                for (var i = 0; i < list.Count; i++)
                {
                    var old = existing is JsonArray oldList && i < oldList.Count ? oldList[i] : null;
                    Walk(list[i], schema.Items, old, path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", found);
                }

                break;
        }
    }

    /// <summary>
    /// The C# models are complete only for some types; elsewhere a field we do not model may still be a real
    /// Kubernetes field, so it is kept rather than rejected. Top-level fields are always checked.
    /// </summary>
    private static bool IsComplete(StructuralSchema schema) =>
        ModelSchemaBuilder.ReferencedType(schema) is { } type && CompleteModels.Contains(type);

    private static readonly HashSet<Type> CompleteModels =
    [
        typeof(Model.Meta.ObjectMeta), typeof(Model.Meta.LabelSelector), typeof(Model.Core.PodTemplateSpec),
        typeof(Model.Apps.DeploymentSpec), typeof(Model.Apps.ReplicaSetSpec), typeof(Model.Apps.StatefulSetSpec),
        typeof(Model.Core.ContainerPort), typeof(Model.Core.EnvVar), typeof(Model.Core.ServicePort),
    ];

    private static bool IsClosed(StructuralSchema schema) =>
        schema.Properties is { Count: > 0 } && schema.AdditionalProperties is null && !schema.PreserveUnknownFields;
}
