using System.Text.Json.Nodes;
using SuperKube.Client;
using SuperKube.Controllers.Informers;
using SuperKube.Model.Discovery;
using SuperKube.Model.Meta;

namespace SuperKube.Controllers.Discovery;

/// <summary>
/// What both slice controllers share: the labels, splitting endpoints into slices of at most 100 per port set, and
/// bringing a Service's existing slices to the desired ones with the fewest writes (reuse, update, create, delete).
/// </summary>
internal static class EndpointSliceSync
{
    public const string ServiceNameLabel = "kubernetes.io/service-name";
    public const string ManagedByLabel = "endpointslice.kubernetes.io/managed-by";
    public const string SkipMirrorLabel = "endpointslice.kubernetes.io/skip-mirror";
    public const int MaxEndpointsPerSlice = 100;

    /// <summary>The slices of a Service that <paramref name="managedBy"/> manages.</summary>
    public static List<EndpointSlice> Owned(ILister<EndpointSlice> slices, string ns, string service, string managedBy) =>
        [.. slices.List(ns).Where(s => s.Metadata?.Labels is { } l
            && l.TryGetValue(ServiceNameLabel, out var name) && name == service
            && l.TryGetValue(ManagedByLabel, out var manager) && manager == managedBy)];

    /// <summary>
    /// Splits endpoints, grouped by the ports they serve, into slices of at most 100 (sorted for stable content).
    /// No endpoints at all gives one empty placeholder slice, as upstream keeps.
    /// </summary>
    public static List<DesiredSlice> Split(IEnumerable<(IList<EndpointPort> Ports, Endpoint Endpoint)> endpoints)
    {
        var slices = new List<DesiredSlice>();
        foreach (var group in endpoints.GroupBy(e => PortsKey(e.Ports), StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var ports = group.First().Ports;
            var sorted = group.Select(e => e.Endpoint).OrderBy(e => e.TargetRef?.Name ?? e.Addresses?.FirstOrDefault(), StringComparer.Ordinal).ToList();
            slices.AddRange(sorted.Chunk(MaxEndpointsPerSlice).Select(chunk => new DesiredSlice(ports, [.. chunk])));
        }

        return slices.Count == 0 ? [new DesiredSlice([], [])] : slices;
    }

    /// <summary>Updates, creates and deletes slices so <paramref name="existing"/> becomes <paramref name="desired"/>; new ones take <paramref name="template"/>'s metadata.</summary>
    public static async Task ApplyAsync(
        IKubernetesClient client, IReadOnlyList<EndpointSlice> existing, IReadOnlyList<DesiredSlice> desired, ObjectMeta template,
        CancellationToken cancellationToken)
    {
        var unused = existing.OrderBy(s => s.Metadata?.Name, StringComparer.Ordinal).ToList();
        foreach (var want in desired)
        {
            var key = PortsKey(want.Ports);
            var match = unused.FirstOrDefault(s => PortsKey(s.Ports) == key && Same(s.Endpoints, want.Endpoints))
                ?? unused.FirstOrDefault(s => PortsKey(s.Ports) == key)
                ?? unused.FirstOrDefault();
            if (match is null)
            {
                await client.CreateAsync(new EndpointSlice
                {
                    Metadata = new ObjectMeta
                    {
                        GenerateName = template.GenerateName,
                        Namespace = template.Namespace,
                        Labels = template.Labels,
                        OwnerReferences = template.OwnerReferences,
                    },
                    AddressType = "IPv4",
                    Ports = Nullable(want.Ports),
                    Endpoints = Nullable(want.Endpoints),
                }, cancellationToken).ConfigureAwait(false);
                continue;
            }

            unused.Remove(match);
            if (PortsKey(match.Ports) == key && Same(match.Endpoints, want.Endpoints) && SameLabels(match.Metadata?.Labels, template.Labels))
            {
                continue;
            }

            var updated = KubernetesClientExtensions.FromJson<EndpointSlice>(KubernetesClientExtensions.ToJson(match));
            updated.Metadata!.Labels = template.Labels; // listed objects always carry metadata
            updated.Ports = Nullable(want.Ports);
            updated.Endpoints = Nullable(want.Endpoints);
            await client.UpdateAsync(updated, status: false, cancellationToken).ConfigureAwait(false);
        }

        foreach (var extra in unused)
        {
            await client.DeleteAsync(ApiResource.EndpointSlices, extra.Metadata?.Namespace, extra.Metadata?.Name ?? "", null, cancellationToken)
                .ConfigureAwait(false);
        }
    }

    /// <summary>Deletes every slice in <paramref name="slices"/>.</summary>
    public static async Task DeleteAllAsync(IKubernetesClient client, IEnumerable<EndpointSlice> slices, CancellationToken cancellationToken)
    {
        foreach (var slice in slices)
        {
            await client.DeleteAsync(ApiResource.EndpointSlices, slice.Metadata?.Namespace, slice.Metadata?.Name ?? "", null, cancellationToken)
                .ConfigureAwait(false);
        }
    }

    /// <summary>A slice's name prefix: the owner's name, cut so generated names stay within 63 characters.</summary>
    public static string GenerateName(string owner) => (owner.Length > 57 ? owner[..57] : owner) + "-";

    private static string PortsKey(IEnumerable<EndpointPort>? ports) =>
        string.Join(',', (ports ?? []).Select(p => $"{p.Name}/{p.Port}/{p.Protocol}/{p.AppProtocol}"));

    private static bool Same(IList<Endpoint>? current, IList<Endpoint> wanted) =>
        JsonNode.DeepEquals(Json(current ?? []), Json(wanted));

    private static bool SameLabels(IDictionary<string, string>? current, IDictionary<string, string>? wanted) =>
        (current?.Count ?? 0) == (wanted?.Count ?? 0) && (current ?? new Dictionary<string, string>()).All(l => wanted?.TryGetValue(l.Key, out var v) == true && v == l.Value);

    private static JsonNode? Json(IList<Endpoint> endpoints) =>
        KubernetesClientExtensions.ToJson(new EndpointSlice { Endpoints = endpoints })["endpoints"];

    private static List<T>? Nullable<T>(IList<T> items) => items.Count == 0 ? null : [.. items];
}
