using System.Text.Json.Nodes;
using SuperKube.Patching;
using SuperKube.Schema;

namespace SuperKube.Apply;

/// <summary>
/// Compares two versions of an object per schema. Leaves are added, removed or modified; maps and list elements
/// are added or removed as nodes too (struct-like objects are not, as the Go types of the real server always
/// carry them).
/// </summary>
internal static class ObjectComparison
{
    private static readonly string MetadataField = PathElement.Field("metadata");

    /// <summary>Compares <paramref name="before"/> and <paramref name="after"/>; <c>metadata.managedFields</c> is never compared.</summary>
    public static FieldChanges Compare(JsonObject? before, JsonObject after, StructuralSchema? schema)
    {
        var changes = new FieldChanges(new FieldSet(), new FieldSet(), new FieldSet());
        VisitFields(changes, [], before, after, schema);
        return changes;
    }

    private static void Visit(FieldChanges changes, List<string> path, Slot before, Slot after, StructuralSchema? schema)
    {
        var granular = !SchemaShape.IsAtomicMap(schema) && IsObjectOrAbsent(before) && IsObjectOrAbsent(after) &&
            (before.Value is JsonObject { Count: > 0 } || after.Value is JsonObject { Count: > 0 });
        if (granular)
        {
            VisitFields(changes, path, before.Value as JsonObject, (JsonObject?)after.Value, schema);
            if (!SchemaShape.IsStruct(schema))
            {
                MarkNode(changes, path, before, after);
            }

            return;
        }

        var kind = SchemaShape.ListKindOf(schema, out var keys);
        if (kind != ListKind.Atomic && IsListOrAbsent(before) && IsListOrAbsent(after) &&
            (before.Value is JsonArray { Count: > 0 } || after.Value is JsonArray { Count: > 0 }))
        {
            VisitItems(changes, path, before.Value as JsonArray, after.Value as JsonArray, kind, keys, schema!.Items);
            MarkNode(changes, path, before, after);
            return;
        }

        if (!before.Present && after.Present)
        {
            changes.Added.Insert(path);
        }
        else if (before.Present && !after.Present)
        {
            changes.Removed.Insert(path);
        }
        else if (before.Present && !JsonEquality.DeepEquals(before.Value, after.Value))
        {
            changes.Modified.Insert(path);
        }
    }

    private static void VisitFields(FieldChanges changes, List<string> path, JsonObject? before, JsonObject? after, StructuralSchema? schema)
    {
        if (before is not null)
        {
            foreach (var (name, _) in before)
            {
                VisitField(changes, path, before, after, schema, name);
            }
        }

        if (after is not null)
        {
            foreach (var (name, _) in after)
            {
                if (before is null || !before.ContainsKey(name))
                {
                    VisitField(changes, path, before, after, schema, name);
                }
            }
        }
    }

    private static void VisitField(FieldChanges changes, List<string> path, JsonObject? before, JsonObject? after, StructuralSchema? schema, string name)
    {
        if (path.Count == 1 && name == "managedFields" && path[0] == MetadataField)
        {
            return;
        }

        path.Add(PathElement.Field(name));
        var child = SchemaShape.Child(schema, name);
        Visit(changes, path, Slot.Of(before, name, child), Slot.Of(after, name, child), child);
        path.RemoveAt(path.Count - 1);
    }

    private static void VisitItems(
        FieldChanges changes, List<string> path, JsonArray? before, JsonArray? after, ListKind kind, IReadOnlyList<string> keys, StructuralSchema? items)
    {
        var old = Index(before, kind, keys);
        var now = Index(after, kind, keys);
        foreach (var (element, l) in old)
        {
            VisitItem(changes, path, element, new Slot(true, l), now.TryGetValue(element, out var r) ? new Slot(true, r) : default, items);
        }

        foreach (var (element, r) in now)
        {
            if (!old.ContainsKey(element))
            {
                VisitItem(changes, path, element, default, new Slot(true, r), items);
            }
        }
    }

    private static void VisitItem(FieldChanges changes, List<string> path, string element, Slot left, Slot right, StructuralSchema? items)
    {
        path.Add(element);
        Visit(changes, path, left, right, items);
        MarkNode(changes, path, left, right);
        path.RemoveAt(path.Count - 1);
    }

    /// <summary>The elements of a list by path element; a repeated key keeps its first element.</summary>
    private static Dictionary<string, JsonNode?> Index(JsonArray? list, ListKind kind, IReadOnlyList<string> keys)
    {
        var index = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var item in list ?? [])
        {
            index.TryAdd(ListElements.PathOf(item, kind, keys), item);
        }

        return index;
    }

    private static void MarkNode(FieldChanges changes, List<string> path, Slot before, Slot after)
    {
        if (!before.Present && after.Present)
        {
            changes.Added.Insert(path);
        }
        else if (before.Present && !after.Present)
        {
            changes.Removed.Insert(path);
        }
    }

    private static bool IsObjectOrAbsent(Slot slot) => !slot.Present || slot.Value is JsonObject;

    private static bool IsListOrAbsent(Slot slot) => !slot.Present || slot.Value is JsonArray;

    /// <summary>
    /// A field's value, telling "absent" from an explicit null. Empty lists and empty maps (not structs) count as
    /// absent, as the real server's typed objects drop them: removing the last label removes the labels map.
    /// </summary>
    private readonly record struct Slot(bool Present, JsonNode? Value)
    {
        public static Slot Of(JsonObject? obj, string name, StructuralSchema? schema) =>
            obj is null || !obj.TryGetPropertyValue(name, out var value) || value is JsonArray { Count: 0 } ||
            (value is JsonObject { Count: 0 } && schema is not null && !SchemaShape.IsStruct(schema))
                ? default
                : new Slot(true, value);
    }
}
