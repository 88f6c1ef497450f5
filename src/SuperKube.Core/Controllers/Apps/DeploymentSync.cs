using System.Text.Json.Nodes;
using SuperKube.Api;
using SuperKube.Client;
using SuperKube.Controllers.Informers;
using SuperKube.Model.Apps;
using SuperKube.Model.Core;
using SuperKube.Model.Meta;
using static SuperKube.Controllers.Apps.DeploymentConditions;

namespace SuperKube.Controllers.Apps;

/// <summary>
/// One reconcile of one deployment (upstream deployment controller's syncDeployment): claims its ReplicaSets,
/// then either only reports status (deleting), resizes (paused, or a scaling event) or rolls out by strategy. Holds
/// private copies of the deployment and its sets and replaces them with what the API returns after each write.
/// </summary>
internal sealed partial class DeploymentSync(
    Deployment deployment,
    IKubernetesClient client,
    ControllerEvents events,
    ILister<ReplicaSet> setLister,
    ILister<Pod> podLister,
    DateTimeOffset now,
    CancellationToken cancellationToken)
{
    private readonly Deployment _d = deployment;
    private List<ReplicaSet> _sets = [];

    private string Namespace => _d.Metadata?.Namespace ?? "";

    public async Task<ReconcileResult> RunAsync()
    {
        var selector = Selectors.From(_d.Spec?.Selector);
        if (selector.IsEmpty)
        {
            // A selector that selects everything would claim every pod of the namespace: only record that it was seen.
            if ((_d.Status?.ObservedGeneration ?? 0) < (_d.Metadata?.Generation ?? 0))
            {
                _d.Status ??= new DeploymentStatus();
                _d.Status.ObservedGeneration = _d.Metadata?.Generation;
                await UpdateStatusAsync().ConfigureAwait(false);
            }

            return ReconcileResult.Done;
        }

        var claimed = await ControllerClaims.ClaimAsync(client, _d, selector, setLister, cancellationToken).ConfigureAwait(false);
        _sets = [.. claimed.Select(ModelJson.Clone)];
        if (_d.Metadata?.DeletionTimestamp is not null)
        {
            var (newRs, old) = await GetSetsAsync(create: false).ConfigureAwait(false);
            await SyncStatusAsync([.. old, newRs], newRs).ConfigureAwait(false);
            return ReconcileResult.Done;
        }

        await CheckPausedConditionAsync().ConfigureAwait(false);
        if (_d.Spec?.Paused == true || await IsScalingEventAsync().ConfigureAwait(false))
        {
            await SyncAsync().ConfigureAwait(false);
            return ReconcileResult.Done;
        }

        return _d.Spec?.Strategy?.Type == "Recreate"
            ? await RolloutRecreateAsync().ConfigureAwait(false)
            : await RolloutRollingAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// The new set (the one with the deployment's template; created when asked and missing) and the old ones, with
    /// the new set's revision raised above every old one and the deployment's revision annotation following it.
    /// </summary>
    private async Task<(ReplicaSet? New, List<ReplicaSet> Old)> GetSetsAsync(bool create)
    {
        var newRs = ReplicaSets.FindNew(_d, _sets);
        var old = ReplicaSets.FindOld(_sets, newRs);
        var revision = ReplicaSets.MaxRevision(old) + 1;
        if (newRs is not null)
        {
            newRs = await SyncNewSetAsync(newRs, revision).ConfigureAwait(false);
        }
        else if (create)
        {
            newRs = await CreateNewSetAsync(old, revision).ConfigureAwait(false);
        }

        return (newRs, old);
    }

    private async Task<ReplicaSet> SyncNewSetAsync(ReplicaSet rs, long revision)
    {
        var copy = ModelJson.Clone(rs);
        var changed = DeploymentAnnotations.SetNewReplicaSetAnnotations(_d, copy, revision, exists: true, RolloutMath.MaxSurge(_d));
        copy.Spec ??= new ReplicaSetSpec();
        if (copy.Spec.MinReadySeconds != _d.Spec?.MinReadySeconds)
        {
            copy.Spec.MinReadySeconds = _d.Spec?.MinReadySeconds;
            changed = true;
        }

        if (changed)
        {
            rs = await UpdateSetAsync(copy).ConfigureAwait(false);
        }

        await SetDeploymentRevisionAsync(rs).ConfigureAwait(false);
        if (HasProgressDeadline(_d) && Get(_d.Status, Progressing) is null)
        {
            _d.Status ??= new DeploymentStatus();
            Set(_d.Status, New(Progressing, "True", FoundNewReplicaSet, $"Found new replica set \"{rs.Metadata?.Name}\"", now));
            await UpdateStatusAsync().ConfigureAwait(false);
        }

        return rs;
    }

    private async Task<ReplicaSet> CreateNewSetAsync(List<ReplicaSet> old, long revision)
    {
        var hash = PodTemplateHash.Compute(_d.Spec?.Template, _d.Status?.CollisionCount);
        var template = ModelJson.Clone(_d.Spec?.Template ?? new PodTemplateSpec());
        template.Metadata ??= new ObjectMeta();
        template.Metadata.Labels = new Dictionary<string, string>(template.Metadata.Labels ?? new Dictionary<string, string>())
        {
            [PodTemplateHash.Label] = hash,
        };
        var selector = ModelJson.Clone(_d.Spec?.Selector ?? new LabelSelector());
        selector.MatchLabels = new Dictionary<string, string>(selector.MatchLabels ?? new Dictionary<string, string>()) { [PodTemplateHash.Label] = hash };
        var rs = new ReplicaSet
        {
            Metadata = new ObjectMeta
            {
                Name = $"{_d.Metadata?.Name}-{hash}",
                Namespace = Namespace,
                OwnerReferences = [ControllerRefs.For(_d)],
                Labels = new Dictionary<string, string>(template.Metadata.Labels),
            },
            Spec = new ReplicaSetSpec { Replicas = 0, MinReadySeconds = _d.Spec?.MinReadySeconds, Selector = selector, Template = template },
        };
        rs.Spec.Replicas = RolloutMath.NewReplicaSetReplicas(_d, [.. old, rs], rs);
        DeploymentAnnotations.SetNewReplicaSetAnnotations(_d, rs, revision, exists: false, RolloutMath.MaxSurge(_d));

        ReplicaSet created;
        var existed = false;
        try
        {
            created = await client.CreateAsync(rs, cancellationToken).ConfigureAwait(false);
        }
        catch (ApiException ex) when (ex.Reason == "AlreadyExists")
        {
            var existing = await client.GetAsync<ReplicaSet>(Namespace, rs.Metadata.Name, cancellationToken).ConfigureAwait(false);
            if (existing is null || !ControllerRefs.IsControlledBy(existing, _d.Metadata?.Uid) || !ReplicaSets.SameTemplate(_d, existing))
            {
                // Another set has this name: change the hash input and try again on the retry.
                _d.Status ??= new DeploymentStatus();
                _d.Status.CollisionCount = (_d.Status.CollisionCount ?? 0) + 1;
                await UpdateStatusAsync().ConfigureAwait(false);
                throw new InvalidOperationException($"replica set name {rs.Metadata.Name} is taken; retrying with collision count {_d.Status.CollisionCount}", ex);
            }

            created = existing;
            existed = true;
        }

        _sets.Add(created);
        if (!existed && ReplicaSets.Desired(created) > 0)
        {
            await ScalingEventAsync(created, 0, ReplicaSets.Desired(created)).ConfigureAwait(false);
        }

        await SetDeploymentRevisionAsync(created).ConfigureAwait(false);
        if (!existed && HasProgressDeadline(_d))
        {
            _d.Status ??= new DeploymentStatus();
            Set(_d.Status, New(Progressing, "True", NewReplicaSetCreated, $"Created new replica set \"{created.Metadata?.Name}\"", now));
            await UpdateStatusAsync().ConfigureAwait(false);
        }

        return created;
    }

    /// <summary>Copies the new set's revision to the deployment's annotation (a metadata write, guarded by resourceVersion).</summary>
    private async Task SetDeploymentRevisionAsync(ReplicaSet newRs)
    {
        string? current = null;
        if (newRs.Metadata?.Annotations?.TryGetValue(DeploymentAnnotations.Revision, out var revision) != true
            || (_d.Metadata?.Annotations?.TryGetValue(DeploymentAnnotations.Revision, out current) == true && current == revision))
        {
            return;
        }

        var patch = new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["resourceVersion"] = _d.Metadata?.ResourceVersion,
                ["annotations"] = new JsonObject { [DeploymentAnnotations.Revision] = revision },
            },
        };
        var result = await client.PatchAsync(ApiResource.Deployments, Namespace, _d.Metadata?.Name ?? "", PatchType.Merge, patch, "", cancellationToken)
            .ConfigureAwait(false);
        var updated = KubernetesClientExtensions.FromJson<Deployment>(result);
        _d.Metadata!.Annotations = updated.Metadata?.Annotations; // _d came from the cache, which always has metadata
        _d.Metadata.ResourceVersion = updated.Metadata?.ResourceVersion;
    }

    private async Task<bool> IsScalingEventAsync()
    {
        var (newRs, old) = await GetSetsAsync(create: false).ConfigureAwait(false);
        var desired = ReplicaSets.Desired(_d);
        return ReplicaSets.Active([.. old, newRs])
            .Any(rs => DeploymentAnnotations.Int(rs, DeploymentAnnotations.DesiredReplicas) is { } annotated && annotated != desired);
    }

    /// <summary>Resizes without rolling out (paused deployments and scaling events), then reports status.</summary>
    private async Task SyncAsync()
    {
        var (newRs, old) = await GetSetsAsync(create: false).ConfigureAwait(false);
        foreach (var (rs, size) in ProportionalScaling.Plan(_d, newRs, old))
        {
            await ScaleSetAsync(rs, size).ConfigureAwait(false);
        }

        newRs = Current(newRs);
        old = Current(old);
        if (_d.Spec?.Paused == true)
        {
            await CleanupAsync(old).ConfigureAwait(false);
            old = Current(old);
        }

        await SyncStatusAsync([.. old, newRs], newRs).ConfigureAwait(false);
    }

    /// <summary>Sets or clears the DeploymentPaused reason of the Progressing condition.</summary>
    private async Task CheckPausedConditionAsync()
    {
        if (!HasProgressDeadline(_d))
        {
            return;
        }

        var condition = Get(_d.Status, Progressing);
        if (condition?.Reason == ProgressDeadlineExceeded)
        {
            return;
        }

        var pausedRecorded = condition?.Reason == DeploymentPaused;
        var paused = _d.Spec?.Paused == true;
        if (paused == pausedRecorded)
        {
            return;
        }

        _d.Status ??= new DeploymentStatus();
        Set(_d.Status, paused
            ? New(Progressing, "Unknown", DeploymentPaused, "Deployment is paused", now)
            : New(Progressing, "Unknown", DeploymentResumed, "Deployment is resumed", now));
        await UpdateStatusAsync().ConfigureAwait(false);
    }

    /// <summary>Deletes the oldest empty old sets beyond revisionHistoryLimit.</summary>
    private async Task CleanupAsync(List<ReplicaSet> old)
    {
        if (_d.Spec?.RevisionHistoryLimit is not { } limit)
        {
            return;
        }

        var cleanable = old.Where(rs => rs.Metadata?.DeletionTimestamp is null).ToList();
        var excess = cleanable.Count - limit;
        if (excess <= 0)
        {
            return;
        }

        cleanable.Sort(ReplicaSets.ByRevision);
        foreach (var rs in cleanable.Take(excess))
        {
            if ((rs.Status?.Replicas ?? 0) != 0 || ReplicaSets.Desired(rs) != 0 || (rs.Metadata?.Generation ?? 0) > (rs.Status?.ObservedGeneration ?? 0))
            {
                continue;
            }

            await client.DeleteAsync(ApiResource.ReplicaSets, Namespace, rs.Metadata?.Name ?? "", null, cancellationToken).ConfigureAwait(false);
            _sets.RemoveAll(s => s.Metadata?.Uid == rs.Metadata?.Uid);
        }
    }

    /// <summary>Writes the counters and Available condition when they changed.</summary>
    private async Task SyncStatusAsync(IReadOnlyList<ReplicaSet?> all, ReplicaSet? newRs)
    {
        var status = DeploymentProgress.Calculate(_d, all, newRs, now);
        if (!ModelJson.SameJson(_d.Status, status))
        {
            _d.Status = status;
            await UpdateStatusAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Writes the rollout status when it changed; asks to look again when the progress deadline may pass.</summary>
    private async Task<ReconcileResult> SyncRolloutStatusAsync(IReadOnlyList<ReplicaSet?> all, ReplicaSet? newRs)
    {
        var status = DeploymentProgress.CalculateRollout(_d, all, newRs, now);
        if (!ModelJson.SameJson(_d.Status, status))
        {
            _d.Status = status;
            await UpdateStatusAsync().ConfigureAwait(false);
        }

        return DeploymentProgress.RecheckAfter(_d, status, now) is { } after ? ReconcileResult.After(after) : ReconcileResult.Done;
    }

    private async Task UpdateStatusAsync()
    {
        var updated = await client.UpdateAsync(_d, status: true, cancellationToken).ConfigureAwait(false);
        _d.Metadata!.ResourceVersion = updated.Metadata?.ResourceVersion; // _d came from the cache, which always has metadata
        _d.Status = updated.Status;
    }

    /// <summary>Resizes a set (and refreshes its replica annotations); returns whether the size changed.</summary>
    private async Task<bool> ScaleSetAsync(ReplicaSet rs, int size)
    {
        rs = Current(rs)!; // every set passed in is one of _sets
        var desired = ReplicaSets.Desired(_d);
        var max = desired + RolloutMath.MaxSurge(_d);
        var resize = ReplicaSets.Desired(rs) != size;
        if (!resize && !DeploymentAnnotations.ReplicasNeedUpdate(rs, desired, max))
        {
            return false;
        }

        var copy = ModelJson.Clone(rs);
        copy.Spec ??= new ReplicaSetSpec();
        var from = ReplicaSets.Desired(rs);
        copy.Spec.Replicas = size;
        DeploymentAnnotations.SetReplicas(copy, desired, max);
        await UpdateSetAsync(copy).ConfigureAwait(false);
        if (resize)
        {
            await ScalingEventAsync(copy, from, size).ConfigureAwait(false);
        }

        return resize;
    }

    /// <summary>The ScalingReplicaSet event <c>kubectl describe deployment</c> lists for every resize.</summary>
    private Task ScalingEventAsync(ReplicaSet rs, int from, int to) =>
        events.RecordAsync(DeploymentReconciler.Component, "apps/v1", "Deployment", _d.Metadata, ControllerEvents.Normal, "ScalingReplicaSet",
            $"Scaled {(to > from ? "up" : "down")} replica set {rs.Metadata?.Name} from {from} to {to}", cancellationToken);

    private async Task<ReplicaSet> UpdateSetAsync(ReplicaSet copy)
    {
        var updated = await client.UpdateAsync(copy, cancellationToken: cancellationToken).ConfigureAwait(false);
        var index = _sets.FindIndex(s => s.Metadata?.Uid == updated.Metadata?.Uid);
        if (index >= 0)
        {
            _sets[index] = updated;
        }

        return updated;
    }

    /// <summary>The latest copy of a set (after writes), or null when it was deleted.</summary>
    private ReplicaSet? Current(ReplicaSet? rs) => rs is null ? null : _sets.Find(s => s.Metadata?.Uid == rs.Metadata?.Uid);

    private List<ReplicaSet> Current(List<ReplicaSet> sets) => [.. sets.Select(Current).OfType<ReplicaSet>()];
}
