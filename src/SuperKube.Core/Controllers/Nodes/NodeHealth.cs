using SuperKube.Model.Core;
using SuperKube.Taints;

namespace SuperKube.Controllers.Nodes;

/// <summary>
/// The node lifecycle rules, as pure functions: when a node counts as lost, the conditions a lost node gets, and the
/// not-ready / unreachable taints that follow from its Ready condition.
/// </summary>
internal static class NodeHealth
{
    public static readonly string[] ReportedConditions = ["Ready", "MemoryPressure", "DiskPressure", "PIDPressure"];

    /// <summary>The last sign of life: the newest of the Lease renewal, the Ready heartbeat and the node's creation.</summary>
    public static DateTimeOffset LastSeen(Node node, DateTimeOffset? leaseRenewed)
    {
        var heartbeat = Ready(node)?.LastHeartbeatTime;
        DateTimeOffset?[] times = [leaseRenewed, heartbeat, node.Metadata?.CreationTimestamp];
        return times.OfType<DateTimeOffset>().DefaultIfEmpty(DateTimeOffset.MinValue).Max();
    }

    public static NodeCondition? Ready(Node node) => node.Status?.Conditions?.FirstOrDefault(c => c.Type == "Ready");

    /// <summary>The conditions of a node that stopped reporting: every reported condition Unknown, heartbeats kept.</summary>
    public static List<NodeCondition> Lost(Node node, DateTimeOffset now)
    {
        var conditions = node.Status?.Conditions?.ToList() ?? [];
        foreach (var type in ReportedConditions)
        {
            var existing = conditions.FirstOrDefault(c => c.Type == type);
            if (existing is null)
            {
                conditions.Add(new NodeCondition
                {
                    Type = type,
                    Status = "Unknown",
                    Reason = "NodeStatusNeverUpdated",
                    Message = "Kubelet never posted node status.",
                    LastHeartbeatTime = node.Metadata?.CreationTimestamp,
                    LastTransitionTime = now,
                });
            }
            else if (existing.Status != "Unknown")
            {
                existing.Status = "Unknown";
                existing.Reason = "NodeStatusUnknown";
                existing.Message = "Kubelet stopped posting node status.";
                existing.LastTransitionTime = now;
            }
        }

        return conditions;
    }

    /// <summary>
    /// The node's taints with the not-ready / unreachable ones (NoSchedule and NoExecute) made to match its Ready
    /// condition: False → not-ready, Unknown → unreachable, True → neither. Taints already right keep their timeAdded.
    /// </summary>
    public static List<Taint> Taints(Node node, DateTimeOffset now)
    {
        var key = Ready(node)?.Status switch
        {
            "False" => NodeTaints.NotReady,
            "Unknown" => NodeTaints.Unreachable,
            _ => null,
        };
        var taints = (node.Spec?.Taints ?? []).Where(t => t.Key is not (NodeTaints.NotReady or NodeTaints.Unreachable) || t.Key == key).ToList();
        if (key is not null)
        {
            foreach (var effect in new[] { NodeTaints.NoSchedule, NodeTaints.NoExecute })
            {
                if (!taints.Any(t => t.Key == key && t.Effect == effect))
                {
                    taints.Add(new Taint { Key = key, Effect = effect, TimeAdded = effect == NodeTaints.NoExecute ? now : null });
                }
            }
        }

        return taints;
    }

    /// <summary>
    /// When a pod on a node with these taints must be evicted: now when it does not tolerate a NoExecute taint, the
    /// taint's timeAdded plus the shortest tolerationSeconds among the tolerations that match it (those without seconds
    /// tolerate forever), or null when it may stay.
    /// </summary>
    public static DateTimeOffset? EvictionTime(IEnumerable<Taint> taints, IList<Toleration>? tolerations, DateTimeOffset now)
    {
        DateTimeOffset? earliest = null;
        foreach (var taint in taints.Where(t => t.Effect == NodeTaints.NoExecute))
        {
            var matching = (tolerations ?? []).Where(t => Tolerations.Tolerates(t, taint)).ToList();
            if (matching.Count == 0)
            {
                return now;
            }

            var limited = matching.Where(t => t.TolerationSeconds is not null).Select(t => Math.Max(0, t.TolerationSeconds!.Value)).ToList();
            if (limited.Count > 0)
            {
                var seconds = limited.Min();
                var at = (taint.TimeAdded ?? now) + TimeSpan.FromSeconds(seconds);
                earliest = earliest is null || at < earliest ? at : earliest;
            }
        }

        return earliest;
    }
}
