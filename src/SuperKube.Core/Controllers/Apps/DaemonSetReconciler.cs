using System.Globalization;
using System.Text.Json.Nodes;
using SuperKube.Api;
using SuperKube.Client;
using SuperKube.Controllers.Informers;
using SuperKube.Model.Apps;
using SuperKube.Model.Core;

namespace SuperKube.Controllers.Apps;

/// <summary>
/// The built-in DaemonSet controller: one pod per eligible node (<see cref="NodeEligibility"/>), rolling updates
/// (<see cref="DaemonSetPlanner"/>), ControllerRevisions for rollout history/undo and the status counts. Pods are
/// bound by setting <c>spec.nodeName</c> directly; upstream instead sets a required node affinity on
/// <c>metadata.name</c> and lets the default scheduler bind them.
/// </summary>
internal sealed class DaemonSetReconciler : IReconciler<DaemonSet>
{
    public const string FieldManager = "daemonset-controller";
    public const string GenerationLabel = "pod-template-generation";

    private readonly ILister<DaemonSet> _sets;
    private readonly ILister<Pod> _pods;
    private readonly ILister<Node> _nodes;
    private readonly ILister<ControllerRevision> _revisions;
    private readonly IKubernetesClient _client;
    private readonly TimeProvider _time;

    public DaemonSetReconciler(ISharedInformerFactory informers, IKubernetesClient client, TimeProvider time)
    {
        _sets = informers.GetInformer<DaemonSet>().Lister;
        _pods = informers.GetInformer<Pod>().Lister;
        _nodes = informers.GetInformer<Node>().Lister;
        _revisions = informers.GetInformer<ControllerRevision>().Lister;
        _client = client.WithFieldManager(FieldManager);
        _time = time;
    }

    public static void Configure(ControllerBuilder<DaemonSet> controller) =>
        controller.WithName("daemonset").WithConcurrency(2).Owns<Pod>().Owns<ControllerRevision>().Watches<Node>(AllDaemonSets);

    public async Task<ReconcileResult> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken)
    {
        var ds = _sets.Get(request.Namespace, request.Name);
        if (ds is null || ds.Metadata?.DeletionTimestamp is not null)
        {
            return ReconcileResult.Done;
        }

        var uid = ds.Metadata?.Uid ?? "";
        var revisions = await ControllerRevisionSync.SyncAsync(
            _client, ds, ds.Spec?.Template, _revisions.ByIndex(InformerIndexes.ControllerUid, uid), ds.Status?.CollisionCount, cancellationToken).ConfigureAwait(false);
        var hash = ControllerRevisions.Hash(revisions.Update);
        var pods = _pods.ByIndex(InformerIndexes.ControllerUid, uid);
        var nodes = DaemonSetNode.Group(_nodes.List(null), pods, ds.Spec?.Template?.Spec, hash);
        var now = _time.GetUtcNow();
        var step = DaemonSetPlanner.Plan(ds, nodes, now);
        foreach (var node in step.Create)
        {
            var pod = NewPod(ds, hash, node);
            await _client.CreateAsync(ApiResource.Pods, ds.Metadata?.Namespace, pod, cancellationToken).ConfigureAwait(false);
        }

        foreach (var name in step.Delete)
        {
            try
            {
                await _client.DeleteAsync(ApiResource.Pods, ds.Metadata?.Namespace, name, null, cancellationToken).ConfigureAwait(false);
            }
            catch (ApiException ex) when (ex.Code == 404)
            {
                // Already gone.
            }
        }

        var status = DaemonSetStatusCalculator.Calculate(ds, nodes, revisions.CollisionCount, now);
        if (!ModelJson.SameJson(ds.Status, status))
        {
            var copy = ModelJson.Clone(ds);
            copy.Status = status;
            await _client.UpdateAsync(copy, status: true, cancellationToken).ConfigureAwait(false);
        }

        var live = new HashSet<string>(StringComparer.Ordinal) { revisions.Update.Metadata?.Name ?? "" };
        var liveHashes = pods.Select(p => WorkloadPods.Label(p, ControllerRevisions.HashLabel)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        live.UnionWith(revisions.All.Where(r => liveHashes.Contains(ControllerRevisions.Hash(r))).Select(r => r.Metadata?.Name ?? ""));
        await ControllerRevisionSync.TrimAsync(_client, revisions.All, live, ds.Spec?.RevisionHistoryLimit ?? 10, cancellationToken).ConfigureAwait(false);

        // A pod about to become available (minReadySeconds) changes the status without an event.
        return (ds.Spec?.MinReadySeconds ?? 0) > 0 && status.NumberAvailable < status.NumberReady
            ? ReconcileResult.After(TimeSpan.FromSeconds(1))
            : ReconcileResult.Done;
    }

    private static List<ReconcileRequest> AllDaemonSets(Node node, IServiceProvider services) =>
        [.. services.GetRequiredService<ISharedInformerFactory>().GetInformer<DaemonSet>().Lister.List(null)
            .Select(ds => new ReconcileRequest(ds.Metadata?.Namespace ?? "", ds.Metadata?.Name ?? ""))];

    private static JsonObject NewPod(DaemonSet ds, string hash, string node)
    {
        var labels = new Dictionary<string, string>
        {
            [ControllerRevisions.HashLabel] = hash,
            [GenerationLabel] = (ds.Metadata?.Generation ?? 1).ToString(CultureInfo.InvariantCulture),
        };
        var pod = WorkloadPods.FromTemplate(ds, ds.Spec?.Template, null, ds.Metadata?.Name + "-", labels);
        var spec = pod["spec"]!.AsObject();
        spec["nodeName"] = node;
        var tolerations = spec["tolerations"] as JsonArray ?? [];
        foreach (var toleration in NodeEligibility.DaemonTolerations)
        {
            if (!tolerations.Any(t => (string?)t?["key"] == toleration.Key && (string?)t?["effect"] == toleration.Effect))
            {
                tolerations.Add(ModelJson.ToNode(toleration));
            }
        }

        spec["tolerations"] = tolerations;
        return pod;
    }
}
