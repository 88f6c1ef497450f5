using System.Text.Json.Nodes;
using SuperKube.Schema;
using SuperKube.Validation;

namespace SuperKube.CustomResources;

/// <summary>
/// The uniqueness rules of <c>x-kubernetes-list-type</c>: items of a <c>set</c> are unique, and items of a <c>map</c>
/// are unique by their <c>x-kubernetes-list-map-keys</c>. Violations are <c>Duplicate value</c> errors at the index.
/// </summary>
internal static class ListSemantics
{
    public static void Validate(JsonNode? value, StructuralSchema schema, string path, List<FieldError> errors)
    {
        switch (value)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    if (schema.Property(name) is { } property)
                    {
                        Validate(child, property, SchemaValidator.Child(path, name), errors);
                    }
                }

                break;
            case JsonArray array:
                Duplicates(array, schema, path, errors);
                if (schema.Items is { } items)
                {
                    for (var i = 0; i < array.Count; i++)
                    {
                        Validate(array[i], items, $"{path}[{i}]", errors);
                    }
                }

                break;
        }
    }

    private static void Duplicates(JsonArray array, StructuralSchema schema, string path, List<FieldError> errors)
    {
        Func<JsonNode?, JsonNode?>? identity = schema.ListType switch
        {
            "set" => item => item,
            "map" when schema.ListMapKeys is { Count: > 0 } keys => item => Keys(item, keys),
            _ => null,
        };
        if (identity is null)
        {
            return;
        }

        var seen = new List<JsonNode?>();
        for (var i = 0; i < array.Count; i++)
        {
            var id = identity(array[i]);
            if (seen.Any(s => JsonNode.DeepEquals(s, id)))
            {
                errors.Add(FieldError.Duplicate($"{path}[{i}]", schema.ListType == "map" ? GoMap(id as JsonObject) : GoText.Value(id)));
            }
            else
            {
                seen.Add(id);
            }
        }
    }

    private static JsonObject Keys(JsonNode? item, IList<string> keys)
    {
        var result = new JsonObject();
        foreach (var key in keys)
        {
            if (item?[key] is { } value)
            {
                result[key] = value.DeepClone();
            }
        }

        return result;
    }

    // The key set as Go prints a map[string]interface{} with %#v.
    private static string GoMap(JsonObject? keys) =>
        "map[string]interface {}{" + string.Join(", ", (keys ?? []).Select(k => $"{GoText.Quote(k.Key)}:{GoText.Value(k.Value)}")) + "}";
}
