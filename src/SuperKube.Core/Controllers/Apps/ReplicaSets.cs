using System.Globalization;
using SuperKube.Model.Apps;

namespace SuperKube.Controllers.Apps;

/// <summary>Counting, filtering and ordering of a deployment's ReplicaSets (upstream deployment util).</summary>
internal static class ReplicaSets
{
    public static int Desired(ReplicaSet? rs) => rs?.Spec?.Replicas ?? 0;

    public static int Desired(Deployment d) => d.Spec?.Replicas ?? 1;

    public static int SpecTotal(IEnumerable<ReplicaSet?> sets) => sets.Sum(Desired);

    public static int StatusTotal(IEnumerable<ReplicaSet?> sets) => sets.Sum(rs => rs?.Status?.Replicas ?? 0);

    public static int ReadyTotal(IEnumerable<ReplicaSet?> sets) => sets.Sum(rs => rs?.Status?.ReadyReplicas ?? 0);

    public static int AvailableTotal(IEnumerable<ReplicaSet?> sets) => sets.Sum(rs => rs?.Status?.AvailableReplicas ?? 0);

    /// <summary>
    /// Available pods that will stay: a set's available count, but never more than it wants. Right after a set is
    /// scaled down its status still counts the pods being deleted; counting them would let a rollout scale down twice
    /// for the same surplus.
    /// </summary>
    public static int AvailableWithinDesired(IEnumerable<ReplicaSet?> sets) =>
        sets.Sum(rs => Math.Min(rs?.Status?.AvailableReplicas ?? 0, Desired(rs)));

    /// <summary>The sets that want pods (spec.replicas &gt; 0).</summary>
    public static List<ReplicaSet> Active(IEnumerable<ReplicaSet?> sets) => [.. sets.OfType<ReplicaSet>().Where(rs => Desired(rs) > 0)];

    /// <summary>Oldest first; ties by name.</summary>
    public static int ByCreation(ReplicaSet x, ReplicaSet y)
    {
        var byTime = Nullable.Compare(x.Metadata?.CreationTimestamp, y.Metadata?.CreationTimestamp);
        return byTime != 0 ? byTime : string.CompareOrdinal(x.Metadata?.Name, y.Metadata?.Name);
    }

    /// <summary>Lowest revision first; ties by creation.</summary>
    public static int ByRevision(ReplicaSet x, ReplicaSet y)
    {
        var byRevision = Revision(x).CompareTo(Revision(y));
        return byRevision != 0 ? byRevision : ByCreation(x, y);
    }

    /// <summary>Largest first; ties newest first (where scaling up adds).</summary>
    public static int BySizeNewer(ReplicaSet x, ReplicaSet y)
    {
        var bySize = Desired(y).CompareTo(Desired(x));
        return bySize != 0 ? bySize : ByCreation(y, x);
    }

    /// <summary>Largest first; ties oldest first (where scaling down removes).</summary>
    public static int BySizeOlder(ReplicaSet x, ReplicaSet y)
    {
        var bySize = Desired(y).CompareTo(Desired(x));
        return bySize != 0 ? bySize : ByCreation(x, y);
    }

    /// <summary>The <c>deployment.kubernetes.io/revision</c> annotation as a number; 0 when absent or invalid.</summary>
    public static long Revision(ReplicaSet rs) =>
        rs.Metadata?.Annotations?.TryGetValue(DeploymentAnnotations.Revision, out var text) == true
        && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var revision)
            ? revision
            : 0;

    public static long MaxRevision(IEnumerable<ReplicaSet> sets) => sets.Select(Revision).DefaultIfEmpty(0).Max();

    /// <summary>True when the templates are equal in <see cref="TemplateJson"/>'s normal form (hash label and empty fields ignored).</summary>
    public static bool SameTemplate(Deployment d, ReplicaSet rs) =>
        System.Text.Json.Nodes.JsonNode.DeepEquals(TemplateJson.Normalize(d.Spec?.Template), TemplateJson.Normalize(rs.Spec?.Template));

    /// <summary>The oldest set whose template is the deployment's, or null.</summary>
    public static ReplicaSet? FindNew(Deployment d, IEnumerable<ReplicaSet> sets)
    {
        var sorted = sets.ToList();
        sorted.Sort(ByCreation);
        return sorted.FirstOrDefault(rs => SameTemplate(d, rs));
    }

    /// <summary>Every set but the new one.</summary>
    public static List<ReplicaSet> FindOld(IEnumerable<ReplicaSet> sets, ReplicaSet? newRs) =>
        [.. sets.Where(rs => newRs is null || rs.Metadata?.Uid != newRs.Metadata?.Uid)];
}
