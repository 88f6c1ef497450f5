using SuperKube.Model;
using SuperKube.Model.Apps;

namespace SuperKube.Controllers.Apps;

/// <summary>
/// The numbers of a rolling update (upstream deployment util and rolling.go): surge and unavailability limits, how
/// far the new ReplicaSet may grow, and which old ReplicaSets shrink by how much.
/// </summary>
internal static class RolloutMath
{
    /// <summary>
    /// maxSurge rounded up and maxUnavailable rounded down against <paramref name="desired"/>; when both come out as
    /// zero, unavailability is 1 so the rollout can progress.
    /// </summary>
    public static (int Surge, int Unavailable) ResolveFenceposts(IntOrString? maxSurge, IntOrString? maxUnavailable, int desired)
    {
        var surge = (maxSurge ?? new IntOrString(0)).GetScaledValue(desired, roundUp: true);
        var unavailable = (maxUnavailable ?? new IntOrString(0)).GetScaledValue(desired, roundUp: false);
        return surge == 0 && unavailable == 0 ? (0, 1) : (surge, unavailable);
    }

    public static bool IsRollingUpdate(Deployment d) => d.Spec?.Strategy?.Type is null or "RollingUpdate";

    public static int MaxSurge(Deployment d)
    {
        if (!IsRollingUpdate(d))
        {
            return 0;
        }

        var rolling = d.Spec?.Strategy?.RollingUpdate;
        return ResolveFenceposts(rolling?.MaxSurge, rolling?.MaxUnavailable, ReplicaSets.Desired(d)).Surge;
    }

    public static int MaxUnavailable(Deployment d)
    {
        var desired = ReplicaSets.Desired(d);
        if (!IsRollingUpdate(d) || desired == 0)
        {
            return 0;
        }

        var rolling = d.Spec?.Strategy?.RollingUpdate;
        return Math.Min(ResolveFenceposts(rolling?.MaxSurge, rolling?.MaxUnavailable, desired).Unavailable, desired);
    }

    /// <summary>The size the new ReplicaSet may have now: all of it for Recreate, within the surge for rolling updates.</summary>
    public static int NewReplicaSetReplicas(Deployment d, IReadOnlyList<ReplicaSet?> all, ReplicaSet newRs)
    {
        var desired = ReplicaSets.Desired(d);
        if (!IsRollingUpdate(d))
        {
            return desired;
        }

        var current = ReplicaSets.SpecTotal(all);
        var maxTotal = desired + MaxSurge(d);
        if (current >= maxTotal)
        {
            return ReplicaSets.Desired(newRs);
        }

        var scaleUp = Math.Min(maxTotal - current, desired - ReplicaSets.Desired(newRs));
        return ReplicaSets.Desired(newRs) + scaleUp;
    }

    /// <summary>How many old pods may go now without dropping below the minimum available (counting unready new pods).</summary>
    public static int MaxScaledDown(Deployment d, IReadOnlyList<ReplicaSet?> all, ReplicaSet? newRs)
    {
        var minAvailable = ReplicaSets.Desired(d) - MaxUnavailable(d);
        var newUnavailable = ReplicaSets.Desired(newRs) - (newRs?.Status?.AvailableReplicas ?? 0);
        return ReplicaSets.SpecTotal(all) - minAvailable - newUnavailable;
    }

    /// <summary>
    /// Shrinks old sets by their unhealthy (not available) pods, oldest set first, at most <paramref name="maxCleanup"/>
    /// in total. Returns the new sizes of the sets to change.
    /// </summary>
    public static List<(ReplicaSet Set, int Replicas)> PlanUnhealthyCleanup(IEnumerable<ReplicaSet> oldSets, int maxCleanup)
    {
        var sorted = oldSets.ToList();
        sorted.Sort(ReplicaSets.ByCreation);
        var plan = new List<(ReplicaSet, int)>();
        var total = 0;
        foreach (var rs in sorted)
        {
            if (total >= maxCleanup)
            {
                break;
            }

            var replicas = ReplicaSets.Desired(rs);
            var available = rs.Status?.AvailableReplicas ?? 0;
            if (replicas == 0 || replicas == available)
            {
                continue;
            }

            var count = Math.Min(maxCleanup - total, replicas - available);
            if (count <= 0)
            {
                continue;
            }

            plan.Add((rs, replicas - count));
            total += count;
        }

        return plan;
    }

    /// <summary>
    /// Shrinks old sets, oldest first, by as many pods as the available count exceeds the minimum available.
    /// Returns the new sizes of the sets to change.
    /// </summary>
    public static List<(ReplicaSet Set, int Replicas)> PlanScaleDown(Deployment d, IReadOnlyList<ReplicaSet?> all, IEnumerable<ReplicaSet> oldSets)
    {
        var minAvailable = ReplicaSets.Desired(d) - MaxUnavailable(d);
        var available = ReplicaSets.AvailableWithinDesired(all);
        var plan = new List<(ReplicaSet, int)>();
        if (available <= minAvailable)
        {
            return plan;
        }

        var budget = available - minAvailable;
        var sorted = oldSets.ToList();
        sorted.Sort(ReplicaSets.ByCreation);
        var total = 0;
        foreach (var rs in sorted)
        {
            if (total >= budget)
            {
                break;
            }

            var replicas = ReplicaSets.Desired(rs);
            if (replicas == 0)
            {
                continue;
            }

            var count = Math.Min(replicas, budget - total);
            plan.Add((rs, replicas - count));
            total += count;
        }

        return plan;
    }
}
