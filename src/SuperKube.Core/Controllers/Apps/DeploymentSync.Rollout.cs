using SuperKube.Controllers.Informers;
using SuperKube.Model.Apps;

namespace SuperKube.Controllers.Apps;

/// <summary>The two rollout strategies of <see cref="DeploymentSync"/> (upstream rolling.go and recreate.go).</summary>
internal sealed partial class DeploymentSync
{
    /// <summary>
    /// One step of a rolling update: grow the new set within maxSurge; otherwise shrink old sets within
    /// maxUnavailable (unhealthy pods first); once complete, prune history. Then report status.
    /// </summary>
    private async Task<ReconcileResult> RolloutRollingAsync()
    {
        var (created, old) = await GetSetsAsync(create: true).ConfigureAwait(false);
        var newRs = created!; // GetSetsAsync(create: true) returns a set or throws
        if (await ReconcileNewSetAsync(newRs, old).ConfigureAwait(false))
        {
            return await SyncRolloutStatusAsync([.. Current(old), Current(newRs)], Current(newRs)).ConfigureAwait(false);
        }

        if (await ReconcileOldSetsAsync(newRs, old).ConfigureAwait(false))
        {
            return await SyncRolloutStatusAsync([.. Current(old), Current(newRs)], Current(newRs)).ConfigureAwait(false);
        }

        if (_d.Status is { } status && DeploymentProgress.IsComplete(_d, status))
        {
            await CleanupAsync(Current(old)).ConfigureAwait(false);
        }

        return await SyncRolloutStatusAsync([.. Current(old), Current(newRs)], Current(newRs)).ConfigureAwait(false);
    }

    private async Task<bool> ReconcileNewSetAsync(ReplicaSet newRs, List<ReplicaSet> old)
    {
        var desired = ReplicaSets.Desired(_d);
        var current = ReplicaSets.Desired(newRs);
        if (current == desired)
        {
            return false;
        }

        var size = current > desired ? desired : RolloutMath.NewReplicaSetReplicas(_d, [.. old, newRs], newRs);
        return await ScaleSetAsync(newRs, size).ConfigureAwait(false);
    }

    private async Task<bool> ReconcileOldSetsAsync(ReplicaSet newRs, List<ReplicaSet> old)
    {
        var active = ReplicaSets.Active(old);
        if (ReplicaSets.SpecTotal(active) == 0)
        {
            return false;
        }

        var maxScaledDown = RolloutMath.MaxScaledDown(_d, [.. old, newRs], newRs);
        if (maxScaledDown <= 0)
        {
            return false;
        }

        var changed = 0;
        foreach (var (rs, size) in RolloutMath.PlanUnhealthyCleanup(active, maxScaledDown))
        {
            changed += ReplicaSets.Desired(rs) - size;
            await ScaleSetAsync(rs, size).ConfigureAwait(false);
        }

        active = Current(active);
        foreach (var (rs, size) in RolloutMath.PlanScaleDown(_d, [.. active, Current(newRs)], active))
        {
            changed += ReplicaSets.Desired(rs) - size;
            await ScaleSetAsync(rs, size).ConfigureAwait(false);
        }

        return changed > 0;
    }

    /// <summary>
    /// Recreate: scale every old set to zero, wait until none of their pods runs, then create or grow the new set to
    /// the full size. Then report status.
    /// </summary>
    private async Task<ReconcileResult> RolloutRecreateAsync()
    {
        var (newRs, old) = await GetSetsAsync(create: false).ConfigureAwait(false);
        var scaledDown = false;
        foreach (var rs in ReplicaSets.Active(old))
        {
            scaledDown |= await ScaleSetAsync(rs, 0).ConfigureAwait(false);
        }

        if (scaledDown || OldPodsRunning(newRs, Current(old)))
        {
            return await SyncRolloutStatusAsync([.. Current(old), Current(newRs)], Current(newRs)).ConfigureAwait(false);
        }

        if (newRs is null)
        {
            (newRs, old) = await GetSetsAsync(create: true).ConfigureAwait(false);
        }

        await ScaleSetAsync(newRs!, ReplicaSets.Desired(_d)).ConfigureAwait(false); // GetSetsAsync(create: true) returns a set or throws
        if (_d.Status is { } status && DeploymentProgress.IsComplete(_d, status))
        {
            await CleanupAsync(Current(old)).ConfigureAwait(false);
        }

        return await SyncRolloutStatusAsync([.. Current(old), Current(newRs)], Current(newRs)).ConfigureAwait(false);
    }

    /// <summary>True while an old set still reports pods or owns a pod that has not finished.</summary>
    private bool OldPodsRunning(ReplicaSet? newRs, List<ReplicaSet> old)
    {
        if (old.Any(rs => (rs.Status?.Replicas ?? 0) > 0))
        {
            return true;
        }

        foreach (var rs in old)
        {
            if (rs.Metadata?.Uid is not { } uid || uid == newRs?.Metadata?.Uid)
            {
                continue;
            }

            if (podLister.ByIndex(InformerIndexes.ControllerUid, uid).Any(p => p.Status?.Phase is not ("Succeeded" or "Failed")))
            {
                return true;
            }
        }

        return false;
    }
}
