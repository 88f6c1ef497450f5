using SuperKube.Scheduling.Framework;

namespace SuperKube.Scheduling.Plugins;

/// <summary>A node where preemption would make the pod fit, with the pods to evict (most important first).</summary>
internal sealed record PreemptionCandidate(NodeInfo Node, IReadOnlyList<PodInfo> Victims, int PdbViolations)
{
    /// <summary>
    /// Upstream's choice among candidates: fewest PDB violations, then the lowest highest-priority victim, the
    /// smallest sum of priorities, the fewest victims, the latest start among the highest-priority victims, then first.
    /// </summary>
    public static PreemptionCandidate Pick(IReadOnlyList<PreemptionCandidate> candidates)
    {
        IEnumerable<PreemptionCandidate> best = candidates;
        best = KeepMin(best, c => c.PdbViolations);
        best = KeepMin(best, c => c.Victims.Count == 0 ? int.MinValue : c.Victims[0].Priority);
        best = KeepMin(best, c => c.Victims.Sum(v => (long)v.Priority + int.MaxValue + 1));
        best = KeepMin(best, c => c.Victims.Count);
        best = KeepMin(best, c => -EarliestStartOfTopPriority(c).UtcTicks);
        return best.First();
    }

    private static DateTimeOffset EarliestStartOfTopPriority(PreemptionCandidate c)
    {
        if (c.Victims.Count == 0)
        {
            return DateTimeOffset.MinValue;
        }

        var top = c.Victims[0].Priority;
        return c.Victims.Where(v => v.Priority == top).Min(v => v.StartTime);
    }

    private static List<PreemptionCandidate> KeepMin<T>(IEnumerable<PreemptionCandidate> candidates, Func<PreemptionCandidate, T> key)
        where T : IComparable<T>
    {
        var list = candidates.ToList();
        var min = list.Select(key).Min()!;
        return [.. list.Where(c => key(c).CompareTo(min) == 0)];
    }
}
