using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SuperKube.Controllers;
using SuperKube.Controllers.Informers;
using SuperKube.Model.Core;

namespace SuperKube.Security.Nodes;

/// <summary>
/// Which objects each node may read, kept in memory from the pod and PersistentVolumeClaim informers (upstream's node
/// authorizer graph): a pod bound to a node links it to the Secrets, ConfigMaps, claims and ServiceAccount the pod
/// names, and a bound claim links it to its PersistentVolume. Unbound pods link nothing. Questions are answered from
/// the maps, never by scanning the store.
/// </summary>
internal sealed class NodeGraph(IServiceProvider services) : IHostedService, IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (string Node, string Namespace, PodReferences References)> _pods = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<(string Resource, string Namespace, string Name), int>> _edges = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Namespace, string Name), string> _claimVolumes = [];
    private readonly TaskCompletionSource<(IInformer Pods, IInformer Claims)> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<IDisposable> _subscriptions = [];
    private volatile bool _synced;

    /// <summary>
    /// Subscribes to the informers. Not in the constructor: the in-process client the informers use needs the
    /// authorizer (through admission), which needs this graph.
    /// </summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var informers = services.GetRequiredService<ISharedInformerFactory>();
        var pods = informers.GetInformer<Pod>();
        var claims = informers.GetInformer<PersistentVolumeClaim>();
        _subscriptions.Add(pods.AddHandler(SetPod, (_, pod) => SetPod(pod), RemovePod));
        _subscriptions.Add(claims.AddHandler(SetClaim, (_, claim) => SetClaim(claim), RemoveClaim));
        _started.TrySetResult((pods, claims));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Completes once the graph is started and both informers hold a complete list.</summary>
    public async ValueTask WaitForSyncAsync(CancellationToken cancellationToken)
    {
        if (_synced)
        {
            return;
        }

        var (pods, claims) = await _started.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        await Task.WhenAll(pods.WaitForSyncAsync(cancellationToken), claims.WaitForSyncAsync(cancellationToken)).ConfigureAwait(false);
        _synced = true;
    }

    /// <summary>
    /// Whether a pod bound to <paramref name="node"/> names the object: <paramref name="resource"/> is secrets,
    /// configmaps, persistentvolumeclaims or serviceaccounts (namespaced), or persistentvolumes (through a claim).
    /// </summary>
    public bool Links(string node, string resource, string ns, string name)
    {
        lock (_gate)
        {
            if (!_edges.TryGetValue(node, out var edges))
            {
                return false;
            }

            if (resource != "persistentvolumes")
            {
                return edges.ContainsKey((resource, ns, name));
            }

            foreach (var (edge, _) in edges)
            {
                if (edge.Resource == "persistentvolumeclaims" && _claimVolumes.TryGetValue((edge.Namespace, edge.Name), out var volume) && volume == name)
                {
                    return true;
                }
            }

            return false;
        }
    }

    public void Dispose()
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }
    }

    private void SetPod(Pod pod)
    {
        var key = Key(pod.Metadata?.Namespace, pod.Metadata?.Name);
        var node = pod.Spec?.NodeName ?? "";
        var references = node.Length > 0 ? PodReferences.Of(pod.Metadata?.Name ?? "", ModelJson.ToNode(pod.Spec) as JsonObject) : null;
        lock (_gate)
        {
            RemovePodLocked(key);
            if (references is not null)
            {
                var ns = pod.Metadata?.Namespace ?? "";
                _pods[key] = (node, ns, references);
                Change(node, ns, references, +1);
            }
        }
    }

    private void RemovePod(Pod pod)
    {
        lock (_gate)
        {
            RemovePodLocked(Key(pod.Metadata?.Namespace, pod.Metadata?.Name));
        }
    }

    private void RemovePodLocked(string key)
    {
        if (_pods.Remove(key, out var previous))
        {
            Change(previous.Node, previous.Namespace, previous.References, -1);
        }
    }

    private void Change(string node, string ns, PodReferences references, int delta)
    {
        if (!_edges.TryGetValue(node, out var edges))
        {
            edges = [];
            _edges[node] = edges;
        }

        Count(edges, "secrets", ns, references.Secrets, delta);
        Count(edges, "configmaps", ns, references.ConfigMaps, delta);
        Count(edges, "persistentvolumeclaims", ns, references.Claims, delta);
        Count(edges, "serviceaccounts", ns, [references.ServiceAccount.Length > 0 ? references.ServiceAccount : "default"], delta);
        if (edges.Count == 0)
        {
            _edges.Remove(node);
        }
    }

    private static void Count(Dictionary<(string, string, string), int> edges, string resource, string ns, IEnumerable<string> names, int delta)
    {
        foreach (var name in names)
        {
            var edge = (resource, ns, name);
            var count = edges.GetValueOrDefault(edge) + delta;
            if (count > 0)
            {
                edges[edge] = count;
            }
            else
            {
                edges.Remove(edge);
            }
        }
    }

    private void SetClaim(PersistentVolumeClaim claim)
    {
        lock (_gate)
        {
            var key = (claim.Metadata?.Namespace ?? "", claim.Metadata?.Name ?? "");
            if (claim.Spec?.VolumeName is { Length: > 0 } volume)
            {
                _claimVolumes[key] = volume;
            }
            else
            {
                _claimVolumes.Remove(key);
            }
        }
    }

    private void RemoveClaim(PersistentVolumeClaim claim)
    {
        lock (_gate)
        {
            _claimVolumes.Remove((claim.Metadata?.Namespace ?? "", claim.Metadata?.Name ?? ""));
        }
    }

    private static string Key(string? ns, string? name) => ns + "/" + name;
}
