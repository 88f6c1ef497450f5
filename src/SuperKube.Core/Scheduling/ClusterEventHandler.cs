using System.Text.Json.Nodes;
using SuperKube.Model.Core;
using SuperKube.Scheduling.Cache;
using SuperKube.Scheduling.Framework;
using SuperKube.Scheduling.Queue;

namespace SuperKube.Scheduling;

/// <summary>
/// Applies watched changes on the scheduling loop: bound pods and nodes go to the cache, pending pods of this
/// scheduler's profiles to the queue, and changes that can make rejected pods fit move them back to the queue.
/// </summary>
internal sealed class ClusterEventHandler(Scheduler scheduler, SchedulerCache cache, PodNominator nominator, WaitingPods waiting)
{
    private SchedulingQueue Queue => scheduler.Queue;

    public void NodeChanged(string type, Node node)
    {
        var name = node.Metadata?.Name ?? "";
        if (type == "DELETED")
        {
            cache.RemoveNode(name);
            return;
        }

        var old = cache.SetNode(node);
        if (old is null)
        {
            Queue.MoveOnEvent(ClusterEvents.NodeAdded);
        }
        else if (SchedulingRelevantChange(old, node))
        {
            Queue.MoveOnEvent(ClusterEvents.NodeChanged);
        }
    }

    public void ReplaceNodes(IReadOnlyList<Node> nodes)
    {
        var names = nodes.Select(n => n.Metadata?.Name ?? "").ToHashSet(StringComparer.Ordinal);
        foreach (var name in cache.NodeNames.Where(n => !names.Contains(n)))
        {
            cache.RemoveNode(name);
        }

        foreach (var node in nodes)
        {
            cache.SetNode(node);
        }

        Queue.MoveOnEvent(ClusterEvents.NodeAdded);
    }

    public void PodChanged(string type, PodInfo pod)
    {
        if (type == "DELETED" || IsTerminal(pod))
        {
            PodDeleted(pod.Uid);
        }
        else if (pod.NodeName.Length > 0)
        {
            AssignedPod(pod);
        }
        else
        {
            PendingPod(pod);
        }
    }

    public void ReplacePods(IReadOnlyList<PodInfo> pods)
    {
        var uids = pods.Select(p => p.Uid).ToHashSet(StringComparer.Ordinal);
        foreach (var uid in cache.PodUids.Concat(Queue.Uids).Where(u => !uids.Contains(u) && !cache.IsAssumed(u)).ToList())
        {
            PodDeleted(uid);
        }

        foreach (var pod in pods)
        {
            PodChanged("ADDED", pod);
        }
    }

    public void NamespaceChanged(string type, string name, IReadOnlyDictionary<string, string> labels) =>
        cache.SetNamespace(name, type == "DELETED" ? null : labels);

    public void BudgetChanged(string type, string key, DisruptionBudget budget) => cache.SetBudget(key, type == "DELETED" ? null : budget);

    private void PodDeleted(string uid)
    {
        var removed = cache.RemovePod(uid);
        Queue.Delete(uid);
        nominator.Remove(uid);
        waiting.Reject(uid, "", "pod deleted");
        if (removed is not null)
        {
            Queue.MoveOnEvent(ClusterEvents.AssignedPodDeleted);
        }
    }

    private void AssignedPod(PodInfo pod)
    {
        Queue.Delete(pod.Uid);
        nominator.Remove(pod.Uid);
        var old = cache.GetPod(pod.Uid);
        var wasAssumed = cache.IsAssumed(pod.Uid);
        cache.SetPod(pod);
        if (old is null || wasAssumed)
        {
            Queue.MoveOnEvent(ClusterEvents.AssignedPodAdded);
        }
        else if (old.IsTerminating != pod.IsTerminating || !SameLabels(old.Labels, pod.Labels))
        {
            Queue.MoveOnEvent(ClusterEvents.AssignedPodChanged);
        }
    }

    private void PendingPod(PodInfo pod)
    {
        if (!scheduler.Serves(pod.SchedulerName) || pod.IsTerminating)
        {
            Queue.Delete(pod.Uid);
            nominator.Remove(pod.Uid);
            return;
        }

        if (cache.IsAssumed(pod.Uid))
        {
            return; // an older version of a pod being bound
        }

        var old = Queue.Get(pod.Uid);
        UpdateNomination(old, pod);
        if (old is null)
        {
            Queue.Add(pod);
        }
        else
        {
            Queue.Update(pod, SpecChanged(old, pod));
        }
    }

    /// <summary>
    /// Follows status.nominatedNodeName, but keeps a nomination made in memory when an update without one
    /// arrives before the scheduler's own status write.
    /// </summary>
    private void UpdateNomination(PodInfo? old, PodInfo pod)
    {
        var reported = pod.Pod.Status?.NominatedNodeName ?? "";
        var previouslyReported = old?.Pod.Status?.NominatedNodeName ?? "";
        if (reported.Length > 0)
        {
            nominator.Set(pod, reported);
        }
        else if (previouslyReported.Length == 0 && old is { NominatedNodeName.Length: > 0 })
        {
            nominator.Set(pod, old.NominatedNodeName);
        }
        else
        {
            nominator.Remove(pod.Uid);
        }
    }

    private static bool IsTerminal(PodInfo pod) => pod.Pod.Status?.Phase is "Succeeded" or "Failed";

    /// <summary>True when labels, annotations or spec changed (not just status or bookkeeping).</summary>
    private static bool SpecChanged(PodInfo old, PodInfo pod) => old.SchedulingFingerprint != pod.SchedulingFingerprint;

    private static bool SameLabels(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && v == kv.Value);

    private static bool SchedulingRelevantChange(Node old, Node node)
    {
        static string Taints(Node n) => string.Join(";", (n.Spec?.Taints ?? []).Select(t => $"{t.Key}={t.Value}:{t.Effect}"));
        static string Resources(Node n) => string.Join(";", (n.Status?.Allocatable ?? new Dictionary<string, string>()).OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}"));
        static string Images(Node n) => string.Join(";", (n.Status?.Images ?? []).SelectMany(i => i.Names ?? []));

        return !SameLabels(
                   (IReadOnlyDictionary<string, string>?)old.Metadata?.Labels?.AsReadOnly() ?? new Dictionary<string, string>(),
                   (IReadOnlyDictionary<string, string>?)node.Metadata?.Labels?.AsReadOnly() ?? new Dictionary<string, string>())
            || (old.Spec?.Unschedulable ?? false) != (node.Spec?.Unschedulable ?? false)
            || Taints(old) != Taints(node)
            || Resources(old) != Resources(node)
            || Images(old) != Images(node);
    }
}
