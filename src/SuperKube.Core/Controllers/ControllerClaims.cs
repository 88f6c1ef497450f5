using System.Text.Json.Nodes;
using SuperKube.Api;
using SuperKube.Client;
using SuperKube.Controllers.Informers;
using SuperKube.Model;
using SuperKube.Selection;

namespace SuperKube.Controllers;

/// <summary>
/// Adoption and orphaning by selector (upstream's ControllerRefManager): a controller claims the objects it
/// controls that still match its selector, releases those that no longer match, and adopts matching objects that
/// have no controller. Adoption first re-reads the owner from the API so a deleted or replaced owner adopts nothing.
/// </summary>
internal static class ControllerClaims
{
    /// <summary>The children that belong to <paramref name="owner"/> once claims are settled.</summary>
    public static async Task<List<TChild>> ClaimAsync<TOwner, TChild>(
        IKubernetesClient client, TOwner owner, LabelSelector selector, ILister<TChild> children, CancellationToken cancellationToken)
        where TOwner : class, IKubernetesObject
        where TChild : class, IKubernetesObject
    {
        var ns = owner.Metadata?.Namespace ?? "";
        var uid = owner.Metadata?.Uid ?? "";
        var ownerDeleting = owner.Metadata?.DeletionTimestamp is not null;
        var claimed = new List<TChild>();
        foreach (var child in children.ByIndex(InformerIndexes.ControllerUid, uid))
        {
            if (Selectors.Matches(selector, child.Metadata?.Labels))
            {
                claimed.Add(child);
            }
            else if (!ownerDeleting && child.Metadata?.DeletionTimestamp is null)
            {
                await PatchOwnerAsync(client, child, Release(uid, child), cancellationToken).ConfigureAwait(false);
            }
        }

        if (ownerDeleting)
        {
            return claimed;
        }

        bool? canAdopt = null;
        foreach (var child in children.ByIndex(InformerIndexes.Orphans, ns))
        {
            if (child.Metadata?.DeletionTimestamp is not null || !Selectors.Matches(selector, child.Metadata?.Labels))
            {
                continue;
            }

            canAdopt ??= await CanAdoptAsync(client, owner, cancellationToken).ConfigureAwait(false);
            if (canAdopt != true)
            {
                break;
            }

            if (await PatchOwnerAsync(client, child, Adopt(owner, child), cancellationToken).ConfigureAwait(false) is { } adopted)
            {
                claimed.Add(adopted);
            }
        }

        return claimed;
    }

    private static async Task<bool> CanAdoptAsync<TOwner>(IKubernetesClient client, TOwner owner, CancellationToken cancellationToken)
        where TOwner : class, IKubernetesObject
    {
        var fresh = await client.GetAsync<TOwner>(owner.Metadata?.Namespace, owner.Metadata?.Name ?? "", cancellationToken).ConfigureAwait(false);
        return fresh is not null && fresh.Metadata?.Uid == owner.Metadata?.Uid && fresh.Metadata?.DeletionTimestamp is null;
    }

    /// <summary>Adds the controller reference; the child's UID in the patch guards against a recreated child.</summary>
    private static JsonObject Adopt<TOwner, TChild>(TOwner owner, TChild child)
        where TOwner : class, IKubernetesObject
        where TChild : class, IKubernetesObject =>
        new()
        {
            ["metadata"] = new JsonObject
            {
                ["ownerReferences"] = new JsonArray(ModelJson.ToNode(ControllerRefs.For(owner))),
                ["uid"] = child.Metadata?.Uid,
            },
        };

    private static JsonObject Release<TChild>(string ownerUid, TChild child)
        where TChild : class, IKubernetesObject =>
        new()
        {
            ["metadata"] = new JsonObject
            {
                ["ownerReferences"] = new JsonArray(new JsonObject { ["$patch"] = "delete", ["uid"] = ownerUid }),
                ["uid"] = child.Metadata?.Uid,
            },
        };

    /// <summary>Patches the child; null when it is gone or can no longer be changed (it is then left alone).</summary>
    private static async Task<TChild?> PatchOwnerAsync<TChild>(IKubernetesClient client, TChild child, JsonObject patch, CancellationToken cancellationToken)
        where TChild : class, IKubernetesObject
    {
        try
        {
            var result = await client.PatchAsync(ModelResources.For(typeof(TChild)), child.Metadata?.Namespace, child.Metadata?.Name ?? "",
                PatchType.StrategicMerge, patch, "", cancellationToken).ConfigureAwait(false);
            return KubernetesClientExtensions.FromJson<TChild>(result);
        }
        catch (ApiException ex) when (ex.Code is 404 or 422)
        {
            return null;
        }
    }
}
