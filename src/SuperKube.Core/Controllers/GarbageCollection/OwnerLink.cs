using System.Text.Json.Nodes;

namespace SuperKube.Controllers.GarbageCollection;

/// <summary>One entry of <c>metadata.ownerReferences</c> as the garbage collector uses it.</summary>
internal sealed record OwnerLink(string ApiVersion, string Kind, string Name, string Uid, bool BlockOwnerDeletion)
{
    /// <summary>The owner references of an object; entries without a uid are skipped.</summary>
    public static IReadOnlyList<OwnerLink> Of(JsonObject obj)
    {
        if ((obj["metadata"] as JsonObject)?["ownerReferences"] is not JsonArray refs)
        {
            return [];
        }

        var links = new List<OwnerLink>(refs.Count);
        foreach (var item in refs.OfType<JsonObject>())
        {
            var uid = Text(item, "uid");
            if (uid.Length > 0)
            {
                links.Add(new OwnerLink(Text(item, "apiVersion"), Text(item, "kind"), Text(item, "name"), uid,
                    item["blockOwnerDeletion"] is JsonValue b && b.TryGetValue<bool>(out var block) && block));
            }
        }

        return links;
    }

    private static string Text(JsonObject obj, string field) =>
        obj[field] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";
}
