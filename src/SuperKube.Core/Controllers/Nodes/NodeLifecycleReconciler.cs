using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using SuperKube.Api;
using SuperKube.Client;
using SuperKube.Controllers.Apps;
using SuperKube.Controllers.Informers;
using SuperKube.Model.Coordination;
using SuperKube.Model.Core;
using SuperKube.Objects;
using SuperKube.Resources;

namespace SuperKube.Controllers.Nodes;

/// <summary>
/// The node lifecycle controller: a node whose Lease has not been renewed (and whose status has not been posted) for
/// <see cref="NodeLifecycleOptions.MonitorGracePeriod"/> gets Unknown conditions, its pods are marked not ready, and
/// it is tainted <c>node.kubernetes.io/unreachable</c> (a node reporting Ready=False is tainted not-ready); the taints
/// go when it reports Ready again. Pods that do not tolerate a NoExecute taint are evicted at once, those that
/// tolerate it for <c>tolerationSeconds</c> once that has passed (the taint eviction controller); pods bound to a
/// node that was deleted are deleted too (the pod garbage collector's orphan rule).
/// </summary>
internal sealed class NodeLifecycleReconciler(
    ISharedInformerFactory informers, IKubernetesClient client, ControllerEvents events, IOptions<NodeLifecycleOptions> options, TimeProvider time)
    : IReconciler<Node>
{
    public const string Component = "node-controller";

    private readonly ILister<Node> _nodes = informers.GetInformer<Node>().Lister;
    private readonly ILister<Lease> _leases = informers.GetInformer<Lease>().Lister;
    private readonly IInformer<Pod> _pods = PodsByNode(informers);
    private readonly IKubernetesClient _client = client.WithFieldManager(Component);

    public static void Configure(ControllerBuilder<Node> controller) =>
        controller.WithName("node-lifecycle").WithConcurrency(2).Watches<Lease>(NodeOfLease);

    public async Task<ReconcileResult> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken)
    {
        if (_nodes.Get("", request.Name) is not { } cached)
        {
            await DeleteOrphanedPodsAsync(request.Name, cancellationToken).ConfigureAwait(false);
            return ReconcileResult.Done;
        }

        var node = ModelJson.Clone(cached);
        var now = time.GetUtcNow();
        var grace = options.Value.MonitorGracePeriod;
        var lastSeen = NodeHealth.LastSeen(node, _leases.Get("kube-node-lease", request.Name)?.Spec?.RenewTime);
        var lost = now - lastSeen > grace;
        if (lost && NodeHealth.Ready(node)?.Status != "Unknown")
        {
            node = await MarkLostAsync(node, now, cancellationToken).ConfigureAwait(false);
        }

        var taints = NodeHealth.Taints(node, now);
        if (!SameTaints(taints, node.Spec?.Taints))
        {
            node.Spec ??= new NodeSpec();
            node.Spec.Taints = taints.Count == 0 ? null : taints;
            node = await _client.UpdateAsync(node, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        var nextEviction = await EvictAsync(node, now, cancellationToken).ConfigureAwait(false);
        DateTimeOffset?[] wakeups = [nextEviction, lost ? null : lastSeen + grace + TimeSpan.FromSeconds(1)];
        return wakeups.OfType<DateTimeOffset>().DefaultIfEmpty().Min() is var next && next != default
            ? ReconcileResult.After(next > now ? next - now : TimeSpan.FromSeconds(1))
            : ReconcileResult.Done;
    }

    private async Task<Node> MarkLostAsync(Node node, DateTimeOffset now, CancellationToken cancellationToken)
    {
        node.Status ??= new NodeStatus();
        node.Status.Conditions = NodeHealth.Lost(node, now);
        var updated = await _client.UpdateAsync(node, status: true, cancellationToken).ConfigureAwait(false);
        await events.RecordAsync(Component, "v1", "Node", updated.Metadata, ControllerEvents.Normal, "NodeNotReady",
            $"Node {updated.Metadata?.Name} status is now: NodeNotReady", cancellationToken).ConfigureAwait(false);
        foreach (var pod in _pods.Lister.ByIndex(InformerIndexes.NodeName, updated.Metadata?.Name ?? "").Where(PodStates.IsReady))
        {
            await MarkPodNotReadyAsync(pod, now, cancellationToken).ConfigureAwait(false);
        }

        return updated;
    }

    /// <summary>Sets the pod's Ready condition False, as upstream does for the pods of a node that stopped reporting.</summary>
    private async Task MarkPodNotReadyAsync(Pod pod, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var conditions = new JsonArray();
        foreach (var condition in pod.Status?.Conditions ?? [])
        {
            var json = ModelJson.ToNode(condition)!.AsObject();
            if (condition.Type == "Ready")
            {
                json["status"] = "False";
                json["lastTransitionTime"] = ObjectMetadata.Timestamp(now);
            }

            conditions.Add(json);
        }

        try
        {
            await _client.PatchAsync(ApiResource.Pods, pod.Metadata?.Namespace, pod.Metadata?.Name ?? "", PatchType.Merge,
                new JsonObject { ["status"] = new JsonObject { ["conditions"] = conditions } }, "status", cancellationToken).ConfigureAwait(false);
        }
        catch (ApiException ex) when (ex.Code == 404)
        {
            // Gone meanwhile.
        }
    }

    /// <summary>Evicts the pods due for eviction under the node's NoExecute taints; returns when the next one is due.</summary>
    private async Task<DateTimeOffset?> EvictAsync(Node node, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var taints = node.Spec?.Taints ?? [];
        if (!taints.Any(t => t.Effect == Taints.NodeTaints.NoExecute))
        {
            return null;
        }

        DateTimeOffset? next = null;
        foreach (var pod in _pods.Lister.ByIndex(InformerIndexes.NodeName, node.Metadata?.Name ?? "").Where(p => p.Metadata?.DeletionTimestamp is null))
        {
            if (NodeHealth.EvictionTime(taints, pod.Spec?.Tolerations, now) is not { } at)
            {
                continue;
            }

            if (at > now)
            {
                next = next is null || at < next ? at : next;
                continue;
            }

            await events.RecordAsync(Component, "v1", "Pod", pod.Metadata, ControllerEvents.Normal, "TaintManagerEviction",
                $"Marking for deletion Pod {pod.Metadata?.Namespace}/{pod.Metadata?.Name}", cancellationToken).ConfigureAwait(false);
            try
            {
                await _client.DeleteAsync(ApiResource.Pods, pod.Metadata?.Namespace, pod.Metadata?.Name ?? "", new DeleteOptions { PreconditionUid = pod.Metadata?.Uid }, cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (ApiException ex) when (ex.Code is 404 or 409)
            {
                // Already gone, or replaced by a pod with the same name.
            }
        }

        return next;
    }

    /// <summary>
    /// The pod garbage collector's rule: pods bound to a node that no longer exists are deleted at once. The cache can
    /// lag (a Lease may be seen before its Node), so the node's absence is confirmed with the API first.
    /// </summary>
    private async Task DeleteOrphanedPodsAsync(string nodeName, CancellationToken cancellationToken)
    {
        var orphans = _pods.Lister.ByIndex(InformerIndexes.NodeName, nodeName);
        if (orphans.Count == 0 || await _client.GetAsync(ApiResource.Nodes, null, nodeName, cancellationToken).ConfigureAwait(false) is not null)
        {
            return;
        }

        foreach (var pod in orphans)
        {
            try
            {
                await _client.DeleteAsync(ApiResource.Pods, pod.Metadata?.Namespace, pod.Metadata?.Name ?? "",
                    new DeleteOptions { GracePeriodSeconds = 0, PreconditionUid = pod.Metadata?.Uid }, cancellationToken).ConfigureAwait(false);
            }
            catch (ApiException ex) when (ex.Code is 404 or 409)
            {
                // Already gone, or replaced by a pod with the same name.
            }
        }
    }

    private static bool SameTaints(List<Taint> wanted, IList<Taint>? current) =>
        wanted.Count == (current?.Count ?? 0)
        && wanted.Zip(current ?? []).All(p => p.First.Key == p.Second.Key && p.First.Effect == p.Second.Effect && p.First.Value == p.Second.Value);

    private static IInformer<Pod> PodsByNode(ISharedInformerFactory informers)
    {
        var pods = informers.GetInformer<Pod>();
        pods.AddIndexer(InformerIndexes.NodeName, InformerIndexes.ByNodeName);
        return pods;
    }

    private static IEnumerable<ReconcileRequest> NodeOfLease(Lease lease, IServiceProvider services) =>
        lease.Metadata?.Namespace == "kube-node-lease" && lease.Metadata.Name is { Length: > 0 } name ? [new ReconcileRequest("", name)] : [];
}
