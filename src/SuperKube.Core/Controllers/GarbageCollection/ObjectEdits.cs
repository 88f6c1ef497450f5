using System.Text.Json.Nodes;
using SuperKube.Api;
using SuperKube.Client;
using SuperKube.Objects;

namespace SuperKube.Controllers.GarbageCollection;

/// <summary>
/// The garbage collector's metadata edits: read, change, write back with the read resourceVersion, and start over on
/// a conflict. An object that is gone or was replaced (another uid) is left alone.
/// </summary>
internal static class ObjectEdits
{
    private const int Attempts = 8;

    public static Task RemoveOwnerReferencesAsync(IKubernetesClient client, GraphNode node, IReadOnlyCollection<string> ownerUids, CancellationToken cancellationToken) =>
        EditAsync(client, node, obj => RemoveWhere(ObjectMetadata.Of(obj), "ownerReferences",
            item => item is JsonObject o && o["uid"] is JsonValue v && v.TryGetValue<string>(out var uid) && ownerUids.Contains(uid)), cancellationToken);

    public static Task RemoveFinalizerAsync(IKubernetesClient client, GraphNode node, string finalizer, CancellationToken cancellationToken) =>
        EditAsync(client, node, obj => RemoveWhere(ObjectMetadata.Of(obj), "finalizers",
            item => item is JsonValue v && v.TryGetValue<string>(out var name) && name == finalizer), cancellationToken);

    /// <summary>Removes the matching items of a metadata list (and the list when it ends up empty); false when none matched.</summary>
    public static bool RemoveWhere(JsonObject meta, string list, Func<JsonNode?, bool> match)
    {
        if (meta[list] is not JsonArray items)
        {
            return false;
        }

        var doomed = items.Where(match).ToList();
        foreach (var item in doomed)
        {
            items.Remove(item);
        }

        if (items.Count == 0)
        {
            meta.Remove(list);
        }

        return doomed.Count > 0;
    }

    private static async Task EditAsync(IKubernetesClient client, GraphNode node, Func<JsonObject, bool> change, CancellationToken cancellationToken)
    {
        var ns = node.Namespace.Length == 0 ? null : node.Namespace;
        for (var attempt = 1; ; attempt++)
        {
            var obj = await client.GetAsync(node.Resource, ns, node.Name, cancellationToken).ConfigureAwait(false);
            if (obj is null || ObjectMetadata.Uid(obj) != node.Uid || !change(obj))
            {
                return;
            }

            try
            {
                await client.UpdateAsync(node.Resource, ns, obj, "", cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (ApiException ex) when (ex.Code == 404)
            {
                return;
            }
            catch (ApiException ex) when (ex.Code == 409 && attempt < Attempts)
            {
                // Changed since the read: read again.
            }
        }
    }
}
