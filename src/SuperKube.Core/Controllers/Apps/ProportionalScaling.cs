using SuperKube.Model.Apps;

namespace SuperKube.Controllers.Apps;

/// <summary>
/// Resizing a deployment (upstream sync.go <c>scale</c>): with one active set, that set takes the new size; with a
/// saturated new set, the old ones go to zero; during a rolling update, the change is spread over the active sets in
/// proportion to their size (by the <c>max-replicas</c> each was sized for), the rounding leftover going to the
/// largest.
/// </summary>
internal static class ProportionalScaling
{
    /// <summary>The sets to resize and their new sizes (a set listed at its current size may still need new annotations).</summary>
    public static List<(ReplicaSet Set, int Replicas)> Plan(Deployment d, ReplicaSet? newRs, IReadOnlyList<ReplicaSet> oldSets)
    {
        var desired = ReplicaSets.Desired(d);
        if (ActiveOrLatest(newRs, oldSets) is { } only)
        {
            return ReplicaSets.Desired(only) == desired ? [] : [(only, desired)];
        }

        if (IsSaturated(d, newRs))
        {
            return [.. ReplicaSets.Active(oldSets).Select(rs => (rs, 0))];
        }

        if (!RolloutMath.IsRollingUpdate(d))
        {
            return [];
        }

        var active = ReplicaSets.Active([.. oldSets, newRs]);
        var allowed = desired > 0 ? desired + RolloutMath.MaxSurge(d) : 0;
        var toAdd = allowed - ReplicaSets.SpecTotal(active);
        if (toAdd > 0)
        {
            active.Sort(ReplicaSets.BySizeNewer);
        }
        else if (toAdd < 0)
        {
            active.Sort(ReplicaSets.BySizeOlder);
        }

        var sizes = new int[active.Count];
        var added = 0;
        for (var i = 0; i < active.Count; i++)
        {
            var proportion = toAdd == 0 ? 0 : Proportion(active[i], d, toAdd, added);
            sizes[i] = ReplicaSets.Desired(active[i]) + proportion;
            added += proportion;
        }

        if (toAdd != 0 && active.Count > 0)
        {
            sizes[0] = Math.Max(0, sizes[0] + toAdd - added);
        }

        return [.. active.Select((rs, i) => (rs, sizes[i]))];
    }

    /// <summary>The only active set; the new (or newest old) set when none is active; null when several are.</summary>
    public static ReplicaSet? ActiveOrLatest(ReplicaSet? newRs, IReadOnlyList<ReplicaSet> oldSets)
    {
        if (newRs is null && oldSets.Count == 0)
        {
            return null;
        }

        var newestFirst = oldSets.ToList();
        newestFirst.Sort((x, y) => ReplicaSets.ByCreation(y, x));
        var active = ReplicaSets.Active([.. newestFirst, newRs]);
        return active.Count switch
        {
            0 => newRs ?? newestFirst[0],
            1 => active[0],
            _ => null,
        };
    }

    /// <summary>The new set was sized for this deployment and all its pods are available.</summary>
    public static bool IsSaturated(Deployment d, ReplicaSet? rs)
    {
        var desired = ReplicaSets.Desired(d);
        return rs is not null
            && DeploymentAnnotations.Int(rs, DeploymentAnnotations.DesiredReplicas) == desired
            && ReplicaSets.Desired(rs) == desired
            && (rs.Status?.AvailableReplicas ?? 0) == desired;
    }

    private static int Proportion(ReplicaSet rs, Deployment d, int toAdd, int added)
    {
        if (ReplicaSets.Desired(rs) == 0 || toAdd == added)
        {
            return 0;
        }

        var fraction = Fraction(rs, d);
        var allowed = toAdd - added;
        return toAdd > 0 ? Math.Min(fraction, allowed) : Math.Max(fraction, allowed);
    }

    /// <summary>How many pods the set gains (or loses) when scaled from the size it was made for to the new size.</summary>
    private static int Fraction(ReplicaSet rs, Deployment d)
    {
        var desired = ReplicaSets.Desired(d);
        if (desired == 0)
        {
            return -ReplicaSets.Desired(rs);
        }

        var target = desired + RolloutMath.MaxSurge(d);
        var annotated = DeploymentAnnotations.Int(rs, DeploymentAnnotations.MaxReplicas) ?? d.Status?.Replicas ?? 0;
        if (annotated == 0)
        {
            return 0;
        }

        var size = (double)ReplicaSets.Desired(rs) * target / annotated;
        return (int)Math.Round(size, MidpointRounding.AwayFromZero) - ReplicaSets.Desired(rs);
    }
}
