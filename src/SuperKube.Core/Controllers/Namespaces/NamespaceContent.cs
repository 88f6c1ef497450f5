using SuperKube.Api;
using SuperKube.Client;
using SuperKube.Objects;
using SuperKube.Registry;
using SuperKube.Resources;

namespace SuperKube.Controllers.Namespaces;

/// <summary>What is left in a terminating namespace: instances per resource (<c>pods.</c>, <c>deployments.apps</c>) and per finalizer.</summary>
internal sealed record NamespaceContent(IReadOnlyDictionary<string, int> Resources, IReadOnlyDictionary<string, int> Finalizers)
{
    public bool IsEmpty => Resources.Count == 0;

    /// <summary>
    /// Deletes everything in <paramref name="ns"/> that is not being deleted yet (every namespaced resource the
    /// registry serves, resources sharing storage once), then reports what remains.
    /// </summary>
    public static async Task<NamespaceContent> DeleteAllAsync(IResourceRegistry registry, IKubernetesClient client, string ns, CancellationToken cancellationToken)
    {
        var resources = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var finalizers = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var types = registry.All
            .Where(t => t.IsNamespaced && !t.IsVirtual && t.Verbs.Contains("list") && t.Verbs.Contains("delete"))
            .GroupBy(t => t.StorageKey)
            .Select(g => g.First());
        foreach (var type in types)
        {
            var resource = new ApiResource(type.Group, type.Version, type.Plural);
            var list = await client.ListAsync(resource, ns, null, cancellationToken).ConfigureAwait(false);
            if (list.Items.Count == 0)
            {
                continue;
            }

            foreach (var item in list.Items.Where(i => !ObjectMetadata.IsDeleting(i)))
            {
                try
                {
                    await client.DeleteAsync(resource, ns, ObjectMetadata.Name(item), new DeleteOptions { PropagationPolicy = "Background" }, cancellationToken)
                        .ConfigureAwait(false);
                }
                catch (ApiException ex) when (ex.Code is 404 or 409)
                {
                    // Gone or changed meanwhile: the next pass sees it.
                }
            }

            var left = await client.ListAsync(resource, ns, null, cancellationToken).ConfigureAwait(false);
            if (left.Items.Count > 0)
            {
                resources[$"{type.Plural}.{type.Group}"] = left.Items.Count;
                foreach (var finalizer in left.Items.SelectMany(i => ObjectMetadata.Finalizers(i) ?? []).Select(f => f?.ToString() ?? ""))
                {
                    finalizers[finalizer] = finalizers.GetValueOrDefault(finalizer) + 1;
                }
            }
        }

        return new NamespaceContent(resources, finalizers);
    }
}
