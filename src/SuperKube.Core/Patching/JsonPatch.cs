using System.Text.Json.Nodes;

namespace SuperKube.Patching;

/// <summary>
/// RFC 6902 JSON patch (<c>application/json-patch+json</c>): a JSON array of add, remove, replace, move, copy and
/// test operations applied in order. A body that is not an array of objects is a 400; an operation that cannot be
/// applied (missing path, failed test, unknown op) is a 422, as on the real server.
/// </summary>
internal static class JsonPatch
{
    /// <summary>Parses <paramref name="patch"/> and applies it to a copy of <paramref name="original"/>.</summary>
    public static JsonObject Apply(JsonObject original, ReadOnlySpan<byte> patch) => Apply(original, PatchDocument.Parse(patch));

    /// <summary>Applies <paramref name="patch"/> to a deep copy of <paramref name="original"/>; neither is modified.</summary>
    public static JsonObject Apply(JsonObject original, JsonNode? patch)
    {
        if (patch is not JsonArray operations)
        {
            throw PatchException.BadRequest("a JSON patch must be a JSON array of operations");
        }

        JsonNode? document = original.DeepClone();
        for (var i = 0; i < operations.Count; i++)
        {
            if (operations[i] is not JsonObject operation)
            {
                throw PatchException.BadRequest($"JSON patch operation {i} is not a JSON object");
            }

            document = ApplyOperation(document, operation);
        }

        return document as JsonObject ?? throw PatchException.Invalid("the patched document is not a JSON object");
    }

    private static JsonNode? ApplyOperation(JsonNode? document, JsonObject operation)
    {
        var op = Member(operation, "op");
        var path = Member(operation, "path");
        switch (op)
        {
            case "add":
                return Add(document, path, Value(operation, op));
            case "remove":
                Remove(document, path);
                return document;
            case "replace":
                return Replace(document, path, Value(operation, op));
            case "move":
                var from = Member(operation, "from");
                if (from == path)
                {
                    Get(document, from);
                    return document;
                }

                if (path.StartsWith(from + "/", StringComparison.Ordinal))
                {
                    throw PatchException.Invalid($"move operation cannot move \"{from}\" into its own child \"{path}\"");
                }

                return Add(document, path, Remove(document, from));
            case "copy":
                return Add(document, path, Get(document, Member(operation, "from"))?.DeepClone());
            case "test":
                var expected = Value(operation, op);
                if (!JsonEquality.DeepEquals(Get(document, path), expected))
                {
                    throw PatchException.Invalid($"test operation failed: the value at \"{path}\" is not {expected?.ToJsonString() ?? "null"}");
                }

                return document;
            default:
                throw PatchException.Invalid($"unexpected JSON patch operation \"{op}\"");
        }
    }

    private static string Member(JsonObject operation, string name)
    {
        if (!operation.TryGetPropertyValue(name, out var value) || value is null)
        {
            throw PatchException.Invalid($"JSON patch operation {operation.ToJsonString()} is missing \"{name}\"");
        }

        if (value is not JsonValue scalar || !scalar.TryGetValue<string>(out var text))
        {
            throw PatchException.BadRequest($"JSON patch operation member \"{name}\" must be a string");
        }

        return text;
    }

    private static JsonNode? Value(JsonObject operation, string op) =>
        operation.TryGetPropertyValue("value", out var value)
            ? value?.DeepClone()
            : throw PatchException.Invalid($"JSON patch {op} operation is missing \"value\"");

    private static JsonNode? Get(JsonNode? document, string path)
    {
        var node = document;
        foreach (var token in JsonPointer.Parse(path))
        {
            node = node switch
            {
                JsonObject obj when obj.TryGetPropertyValue(token, out var child) => child,
                JsonArray array => array[JsonPointer.ArrayIndex(token, array.Count, allowEnd: false, path)],
                _ => throw NotFound(path),
            };
        }

        return node;
    }

    private static JsonNode? Add(JsonNode? document, string path, JsonNode? value)
    {
        var (parent, last) = Parent(document, path);
        switch (parent)
        {
            case null:
                return value;
            case JsonObject obj:
                obj[last] = value;
                break;
            case JsonArray array:
                array.Insert(JsonPointer.ArrayIndex(last, array.Count, allowEnd: true, path), value);
                break;
            default:
                throw NotFound(path);
        }

        return document;
    }

    private static JsonNode? Remove(JsonNode? document, string path)
    {
        var (parent, last) = Parent(document, path);
        switch (parent)
        {
            case null:
                throw PatchException.Invalid("cannot remove the whole document");
            case JsonObject obj when obj.TryGetPropertyValue(last, out var value):
                obj.Remove(last);
                return value;
            case JsonArray array:
                var index = JsonPointer.ArrayIndex(last, array.Count, allowEnd: false, path);
                var item = array[index];
                array.RemoveAt(index);
                return item;
            default:
                throw NotFound(path);
        }
    }

    private static JsonNode? Replace(JsonNode? document, string path, JsonNode? value)
    {
        var (parent, last) = Parent(document, path);
        switch (parent)
        {
            case null:
                return value;
            case JsonObject obj when obj.ContainsKey(last):
                obj[last] = value;
                return document;
            case JsonArray array:
                array[JsonPointer.ArrayIndex(last, array.Count, allowEnd: false, path)] = value;
                return document;
            default:
                throw NotFound(path);
        }
    }

    /// <summary>The container holding the target of <paramref name="path"/> and the last token; (null, "") for the root.</summary>
    private static (JsonNode? Parent, string Last) Parent(JsonNode? document, string path)
    {
        var tokens = JsonPointer.Parse(path);
        if (tokens.Length == 0)
        {
            return (null, "");
        }

        var parentPath = path[..path.LastIndexOf('/')];
        var parent = Get(document, parentPath);
        return parent is JsonObject or JsonArray ? (parent, tokens[^1]) : throw NotFound(path);
    }

    private static PatchException NotFound(string path) =>
        PatchException.Invalid($"the path \"{path}\" does not exist in the document");
}
