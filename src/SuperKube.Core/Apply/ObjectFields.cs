using System.Text.Json.Nodes;
using SuperKube.Schema;

namespace SuperKube.Apply;

/// <summary>
/// The field set an object (an apply configuration) sets: its leaves (scalars, atomic lists and maps, empty
/// objects and lists) and the elements of sets and list-type maps. Objects with fields are not members themselves.
/// </summary>
internal static class ObjectFields
{
    public static FieldSet Of(JsonObject obj, StructuralSchema? schema)
    {
        var set = new FieldSet();
        var path = new List<string>();
        foreach (var (name, value) in obj)
        {
            path.Add(PathElement.Field(name));
            Walk(set, path, value, SchemaShape.Child(schema, name));
            path.RemoveAt(path.Count - 1);
        }

        return set;
    }

    private static void Walk(FieldSet set, List<string> path, JsonNode? value, StructuralSchema? schema)
    {
        if (SchemaShape.IsGranularObject(value, schema))
        {
            foreach (var (name, child) in (JsonObject)value!)
            {
                path.Add(PathElement.Field(name));
                Walk(set, path, child, SchemaShape.Child(schema, name));
                path.RemoveAt(path.Count - 1);
            }

            return;
        }

        var kind = SchemaShape.ListKindOf(schema, out var keys);
        if (value is JsonArray { Count: > 0 } list && kind != ListKind.Atomic)
        {
            foreach (var item in list)
            {
                path.Add(ListElements.PathOf(item, kind, keys));
                Walk(set, path, item, schema!.Items);
                set.Insert(path);
                path.RemoveAt(path.Count - 1);
            }

            return;
        }

        set.Insert(path);
    }
}
