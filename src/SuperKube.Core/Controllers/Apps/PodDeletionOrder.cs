using System.Globalization;
using SuperKube.Model.Core;

namespace SuperKube.Controllers.Apps;

/// <summary>
/// Which pods a ReplicaSet deletes first when scaling down (upstream's ActivePodsWithRanks): unscheduled before
/// scheduled; Pending before Unknown before Running; not ready before ready; lower
/// <c>controller.kubernetes.io/pod-deletion-cost</c> first; more sibling pods on the same node first; ready for a
/// shorter time first; more container restarts first; newer before older. Sorting ascending puts the pods to delete
/// first.
/// </summary>
internal sealed class PodDeletionOrder(IReadOnlyDictionary<string, int> siblingsOnNode) : IComparer<Pod>
{
    public const string DeletionCostAnnotation = "controller.kubernetes.io/pod-deletion-cost";

    /// <summary>An order that ranks pods by how many of <paramref name="pods"/> share their node.</summary>
    public static PodDeletionOrder For(IEnumerable<Pod> pods)
    {
        var perNode = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var pod in pods)
        {
            if (pod.Spec?.NodeName is { Length: > 0 } node)
            {
                perNode[node] = perNode.GetValueOrDefault(node) + 1;
            }
        }

        return new PodDeletionOrder(perNode);
    }

    public int Compare(Pod? x, Pod? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        var xAssigned = !string.IsNullOrEmpty(x.Spec?.NodeName);
        var yAssigned = !string.IsNullOrEmpty(y.Spec?.NodeName);
        if (xAssigned != yAssigned)
        {
            return xAssigned ? 1 : -1;
        }

        var byPhase = PhaseOrder(x).CompareTo(PhaseOrder(y));
        if (byPhase != 0)
        {
            return byPhase;
        }

        var xReady = PodStates.IsReady(x);
        var yReady = PodStates.IsReady(y);
        if (xReady != yReady)
        {
            return xReady ? 1 : -1;
        }

        var byCost = DeletionCost(x).CompareTo(DeletionCost(y));
        if (byCost != 0)
        {
            return byCost;
        }

        var byRank = Rank(y).CompareTo(Rank(x));
        if (byRank != 0)
        {
            return byRank;
        }

        if (xReady)
        {
            var byReadyTime = Newer(PodStates.ReadyCondition(x)?.LastTransitionTime, PodStates.ReadyCondition(y)?.LastTransitionTime);
            if (byReadyTime != 0)
            {
                return byReadyTime;
            }
        }

        var byRestarts = Restarts(y).CompareTo(Restarts(x));
        if (byRestarts != 0)
        {
            return byRestarts;
        }

        var byAge = Newer(x.Metadata?.CreationTimestamp, y.Metadata?.CreationTimestamp);
        return byAge != 0 ? byAge : string.CompareOrdinal(x.Metadata?.Name, y.Metadata?.Name);
    }

    private static int PhaseOrder(Pod pod) => pod.Status?.Phase switch
    {
        "Unknown" => 1,
        "Running" => 2,
        _ => 0,
    };

    private static int DeletionCost(Pod pod) =>
        pod.Metadata?.Annotations?.TryGetValue(DeletionCostAnnotation, out var text) == true
        && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var cost)
            ? cost
            : 0;

    private int Rank(Pod pod) => pod.Spec?.NodeName is { Length: > 0 } node ? siblingsOnNode.GetValueOrDefault(node) : 0;

    private static int Restarts(Pod pod) => pod.Status?.ContainerStatuses?.Select(c => c.RestartCount ?? 0).DefaultIfEmpty(0).Max() ?? 0;

    /// <summary>Missing times first, then the more recent time first.</summary>
    private static int Newer(DateTimeOffset? x, DateTimeOffset? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        return y.Value.CompareTo(x.Value);
    }
}
