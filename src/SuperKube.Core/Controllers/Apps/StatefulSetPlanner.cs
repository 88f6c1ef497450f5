using System.Globalization;
using SuperKube.Model.Apps;
using SuperKube.Model.Core;

namespace SuperKube.Controllers.Apps;

/// <summary>
/// The ordering decisions of a StatefulSet sync (upstream stateful_set_control), as a pure function of the set, its
/// pods and the update revision. OrderedReady creates one pod at a time, lowest ordinal first, only while every lower
/// pod is running and ready, and removes surplus pods highest ordinal first, one at a time; Parallel does both at
/// once. RollingUpdate then replaces one pod at a time, highest ordinal first, down to the partition; OnDelete waits
/// for the user to delete pods.
/// </summary>
internal static class StatefulSetPlanner
{
    public static int Start(StatefulSet set) => set.Spec?.Ordinals?.Start ?? 0;

    public static int Replicas(StatefulSet set) => set.Spec?.Replicas ?? 1;

    public static int Partition(StatefulSet set) => set.Spec?.UpdateStrategy?.RollingUpdate?.Partition ?? 0;

    public static bool IsParallel(StatefulSet set) => set.Spec?.PodManagementPolicy == "Parallel";

    /// <summary>The ordinal of a pod named <c>SET-N</c>, or -1 for any other name.</summary>
    public static int Ordinal(string setName, string? podName)
    {
        if (podName is null || !podName.StartsWith(setName + "-", StringComparison.Ordinal))
        {
            return -1;
        }

        return int.TryParse(podName.AsSpan(setName.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var ordinal) ? ordinal : -1;
    }

    public static StatefulSetStep Plan(StatefulSet set, IReadOnlyList<Pod> pods, string updateRevision)
    {
        var name = set.Metadata?.Name ?? "";
        var start = Start(set);
        var end = start + Replicas(set);
        var parallel = IsParallel(set);
        var byOrdinal = new Dictionary<int, Pod>();
        var condemned = new List<(int Ordinal, Pod Pod)>();
        foreach (var pod in pods)
        {
            var ordinal = Ordinal(name, pod.Metadata?.Name);
            if (ordinal >= start && ordinal < end)
            {
                byOrdinal[ordinal] = pod;
            }
            else if (ordinal >= 0)
            {
                condemned.Add((ordinal, pod));
            }
        }

        var step = StatefulSetStep.None;
        for (var ordinal = start; ordinal < end; ordinal++)
        {
            if (!byOrdinal.TryGetValue(ordinal, out var pod))
            {
                step.Create.Add(ordinal);
            }
            else if (Terminating(pod))
            {
                // Wait for it to go; it is recreated afterwards.
            }
            else if (Finished(pod))
            {
                step.Delete.Add(pod.Metadata?.Name ?? "");
            }
            else if (PodStates.IsReady(pod))
            {
                continue;
            }

            if (!parallel)
            {
                return step;
            }
        }

        condemned.Sort((x, y) => y.Ordinal.CompareTo(x.Ordinal));
        foreach (var (_, pod) in condemned)
        {
            if (Terminating(pod))
            {
                if (!parallel)
                {
                    return step;
                }

                continue;
            }

            step.Delete.Add(pod.Metadata?.Name ?? "");
            if (!parallel)
            {
                return step;
            }
        }

        if (step.Create.Count > 0 || step.Delete.Count > 0 || condemned.Count > 0 || byOrdinal.Count < end - start)
        {
            return step;
        }

        return set.Spec?.UpdateStrategy?.Type == "OnDelete" ? step : RollingUpdate(set, byOrdinal, updateRevision, start, end);
    }

    public static bool Terminating(Pod pod) => pod.Metadata?.DeletionTimestamp is not null;

    public static bool Finished(Pod pod) => pod.Status?.Phase is "Succeeded" or "Failed";

    /// <summary>The revision a pod was made from (its <c>controller-revision-hash</c> label).</summary>
    public static string? Revision(Pod pod) => WorkloadPods.Label(pod, ControllerRevisions.HashLabel);

    private static StatefulSetStep RollingUpdate(StatefulSet set, Dictionary<int, Pod> byOrdinal, string updateRevision, int start, int end)
    {
        var step = StatefulSetStep.None;
        if (byOrdinal.Values.Any(p => Terminating(p) || !PodStates.IsReady(p)))
        {
            return step;
        }

        for (var ordinal = end - 1; ordinal >= start + Partition(set); ordinal--)
        {
            var pod = byOrdinal[ordinal];
            if (Revision(pod) != updateRevision)
            {
                step.Delete.Add(pod.Metadata?.Name ?? "");
                return step;
            }
        }

        return step;
    }
}
