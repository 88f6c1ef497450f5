using System.Globalization;
using System.Text.Json.Nodes;
using SuperKube.Api;
using SuperKube.Client;
using SuperKube.Controllers.Informers;
using SuperKube.Model.Apps;
using SuperKube.Model.Core;

namespace SuperKube.Controllers.Apps;

/// <summary>
/// The built-in StatefulSet controller: pods named <c>SET-N</c> with stable hostnames (<c>spec.hostname</c>,
/// <c>spec.subdomain</c> = the service), a PersistentVolumeClaim <c>TEMPLATE-SET-N</c> per volume claim template,
/// ordering and updates decided by <see cref="StatefulSetPlanner"/>, ControllerRevisions for rollout history/undo and
/// the status <c>kubectl rollout status</c> reads.
/// </summary>
internal sealed class StatefulSetReconciler : IReconciler<StatefulSet>
{
    public const string FieldManager = "statefulset-controller";
    public const string PodNameLabel = "statefulset.kubernetes.io/pod-name";
    public const string PodIndexLabel = "apps.kubernetes.io/pod-index";

    private static readonly ApiResource Claims = new("", "v1", "persistentvolumeclaims");

    private readonly ILister<StatefulSet> _sets;
    private readonly ILister<Pod> _pods;
    private readonly ILister<ControllerRevision> _revisions;
    private readonly IKubernetesClient _client;
    private readonly TimeProvider _time;

    public StatefulSetReconciler(ISharedInformerFactory informers, IKubernetesClient client, TimeProvider time)
    {
        _sets = informers.GetInformer<StatefulSet>().Lister;
        _pods = informers.GetInformer<Pod>().Lister;
        _revisions = informers.GetInformer<ControllerRevision>().Lister;
        _client = client.WithFieldManager(FieldManager);
        _time = time;
    }

    public static void Configure(ControllerBuilder<StatefulSet> controller) =>
        controller.WithName("statefulset").WithConcurrency(5).Owns<Pod>().Owns<ControllerRevision>();

    public async Task<ReconcileResult> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken)
    {
        var set = _sets.Get(request.Namespace, request.Name);
        if (set is null || set.Metadata?.DeletionTimestamp is not null)
        {
            return ReconcileResult.Done;
        }

        var uid = set.Metadata?.Uid ?? "";
        var revisions = await ControllerRevisionSync.SyncAsync(
            _client, set, set.Spec?.Template, _revisions.ByIndex(InformerIndexes.ControllerUid, uid), set.Status?.CollisionCount, cancellationToken).ConfigureAwait(false);
        var updateRevision = revisions.Update.Metadata?.Name ?? "";
        var pods = _pods.ByIndex(InformerIndexes.ControllerUid, uid);
        var step = StatefulSetPlanner.Plan(set, pods, updateRevision);
        foreach (var ordinal in step.Create)
        {
            await CreatePodAsync(set, ordinal, revisions, cancellationToken).ConfigureAwait(false);
        }

        foreach (var name in step.Delete)
        {
            await DeleteAsync(ApiResource.Pods, set.Metadata?.Namespace, name, cancellationToken).ConfigureAwait(false);
        }

        var status = StatefulSetStatusCalculator.Calculate(set, pods, updateRevision, revisions.CollisionCount, _time.GetUtcNow());
        if (!ModelJson.SameJson(set.Status, status))
        {
            var copy = ModelJson.Clone(set);
            copy.Status = status;
            await _client.UpdateAsync(copy, status: true, cancellationToken).ConfigureAwait(false);
        }

        var live = new HashSet<string>(StringComparer.Ordinal) { updateRevision, status.CurrentRevision ?? "" };
        live.UnionWith(pods.Select(StatefulSetPlanner.Revision).OfType<string>());
        await ControllerRevisionSync.TrimAsync(_client, revisions.All, live, set.Spec?.RevisionHistoryLimit ?? 10, cancellationToken).ConfigureAwait(false);
        return ReconcileResult.Done;
    }

    private async Task CreatePodAsync(StatefulSet set, int ordinal, ControllerRevisionSync.Result revisions, CancellationToken cancellationToken)
    {
        // Below the partition pods keep the current revision; the rest get the update revision.
        var revision = revisions.Update;
        if (ordinal - StatefulSetPlanner.Start(set) < StatefulSetPlanner.Partition(set)
            && revisions.All.FirstOrDefault(r => r.Metadata?.Name == set.Status?.CurrentRevision) is { } current)
        {
            revision = current;
        }

        var setName = set.Metadata?.Name ?? "";
        var podName = setName + "-" + ordinal.ToString(CultureInfo.InvariantCulture);
        var labels = new Dictionary<string, string>
        {
            [ControllerRevisions.HashLabel] = revision.Metadata?.Name ?? "",
            [PodNameLabel] = podName,
            [PodIndexLabel] = ordinal.ToString(CultureInfo.InvariantCulture),
        };
        var template = ControllerRevisions.Template(revision) ?? set.Spec?.Template;
        var pod = WorkloadPods.FromTemplate(set, template, podName, null, labels);
        var spec = pod["spec"]!.AsObject();
        spec["hostname"] = podName;
        if (set.Spec?.ServiceName is { Length: > 0 } service)
        {
            spec["subdomain"] = service;
        }

        foreach (var claim in set.Spec?.VolumeClaimTemplates ?? [])
        {
            var claimName = claim.Metadata?.Name + "-" + podName;
            await CreateClaimAsync(set, claim, claimName, cancellationToken).ConfigureAwait(false);
            var volumes = spec["volumes"] as JsonArray ?? [];
            if (!volumes.Any(v => (string?)v?["name"] == claim.Metadata?.Name))
            {
                volumes.Add(new JsonObject
                {
                    ["name"] = claim.Metadata?.Name,
                    ["persistentVolumeClaim"] = new JsonObject { ["claimName"] = claimName },
                });
            }

            spec["volumes"] = volumes;
        }

        try
        {
            await _client.CreateAsync(ApiResource.Pods, set.Metadata?.Namespace, pod, cancellationToken).ConfigureAwait(false);
        }
        catch (ApiException ex) when (ex.Code == 409)
        {
            // The old pod of this ordinal is still going away; its deletion triggers another sync.
        }
    }

    /// <summary>Creates the claim unless it exists; claims outlive their pods (retention policy Retain).</summary>
    private async Task CreateClaimAsync(StatefulSet set, PersistentVolumeClaim template, string name, CancellationToken cancellationToken)
    {
        var claim = ModelJson.ToNode(template) as JsonObject ?? [];
        claim["apiVersion"] = "v1";
        claim["kind"] = "PersistentVolumeClaim";
        var meta = claim["metadata"] as JsonObject ?? [];
        meta["name"] = name;
        meta["namespace"] = set.Metadata?.Namespace;
        var labels = meta["labels"] as JsonObject ?? [];
        foreach (var (key, value) in set.Spec?.Selector?.MatchLabels ?? new Dictionary<string, string>())
        {
            labels[key] = value;
        }

        meta["labels"] = labels;
        claim["metadata"] = meta;
        claim.Remove("status");
        try
        {
            await _client.CreateAsync(Claims, set.Metadata?.Namespace, claim, cancellationToken).ConfigureAwait(false);
        }
        catch (ApiException ex) when (ex.Code == 409)
        {
            // Kept from an earlier pod of this ordinal.
        }
    }

    private async Task DeleteAsync(ApiResource resource, string? ns, string name, CancellationToken cancellationToken)
    {
        try
        {
            await _client.DeleteAsync(resource, ns, name, null, cancellationToken).ConfigureAwait(false);
        }
        catch (ApiException ex) when (ex.Code == 404)
        {
            // Already gone.
        }
    }
}
