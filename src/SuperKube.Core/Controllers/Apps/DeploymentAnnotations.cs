using System.Globalization;
using SuperKube.Model.Apps;

namespace SuperKube.Controllers.Apps;

/// <summary>
/// The annotations a deployment keeps on its ReplicaSets: revision (what <c>kubectl rollout history</c> lists),
/// revision history (earlier revisions of a set that was rolled back to), desired and max replicas (for
/// proportional scaling), and a copy of the deployment's own annotations (such as <c>kubernetes.io/change-cause</c>).
/// </summary>
internal static class DeploymentAnnotations
{
    public const string Revision = "deployment.kubernetes.io/revision";
    public const string RevisionHistory = "deployment.kubernetes.io/revision-history";
    public const string DesiredReplicas = "deployment.kubernetes.io/desired-replicas";
    public const string MaxReplicas = "deployment.kubernetes.io/max-replicas";
    public const string LastAppliedConfiguration = "kubectl.kubernetes.io/last-applied-configuration";
    public const string RollbackTo = "deprecated.deployment.rollback.to";

    /// <summary>The longest revision history kept, in characters.</summary>
    public const int MaxRevisionHistoryLength = 2000;

    /// <summary>Copies the deployment's annotations onto the set, except the deployment-owned ones; true when any changed.</summary>
    public static bool CopyToReplicaSet(Deployment d, ReplicaSet rs)
    {
        var changed = false;
        var target = Annotations(rs);
        foreach (var (key, value) in d.Metadata?.Annotations ?? new Dictionary<string, string>())
        {
            if (IsDeploymentOwned(key) || (target.TryGetValue(key, out var existing) && existing == value))
            {
                continue;
            }

            target[key] = value;
            changed = true;
        }

        return changed;
    }

    /// <summary>
    /// Brings the new set's annotations up to date: the copied annotations, the revision (raised to
    /// <paramref name="newRevision"/>, remembering the one it replaces), and for a set being created the replica
    /// annotations. True when any changed.
    /// </summary>
    public static bool SetNewReplicaSetAnnotations(Deployment d, ReplicaSet rs, long newRevision, bool exists, int maxSurge)
    {
        var changed = CopyToReplicaSet(d, rs);
        var annotations = Annotations(rs);
        var hadRevision = annotations.TryGetValue(Revision, out var oldText);
        var oldRevision = ReplicaSets.Revision(rs);
        if (oldRevision < newRevision)
        {
            annotations[Revision] = newRevision.ToString(CultureInfo.InvariantCulture);
            changed = true;
            if (hadRevision && oldText is { Length: > 0 })
            {
                AppendHistory(annotations, oldText);
            }
        }

        if (!exists)
        {
            var desired = ReplicaSets.Desired(d);
            changed |= SetReplicas(rs, desired, desired + maxSurge);
        }

        return changed;
    }

    public static bool ReplicasNeedUpdate(ReplicaSet rs, int desired, int max) =>
        Int(rs, DesiredReplicas) != desired || Int(rs, MaxReplicas) != max;

    public static bool SetReplicas(ReplicaSet rs, int desired, int max)
    {
        if (!ReplicasNeedUpdate(rs, desired, max))
        {
            return false;
        }

        var annotations = Annotations(rs);
        annotations[DesiredReplicas] = desired.ToString(CultureInfo.InvariantCulture);
        annotations[MaxReplicas] = max.ToString(CultureInfo.InvariantCulture);
        return true;
    }

    public static int? Int(ReplicaSet rs, string key) =>
        rs.Metadata?.Annotations?.TryGetValue(key, out var text) == true
        && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    private static bool IsDeploymentOwned(string key) =>
        key is LastAppliedConfiguration or Revision or RevisionHistory or DesiredReplicas or MaxReplicas or RollbackTo;

    private static IDictionary<string, string> Annotations(ReplicaSet rs)
    {
        rs.Metadata ??= new Model.Meta.ObjectMeta();
        return rs.Metadata.Annotations ??= new Dictionary<string, string>();
    }

    /// <summary>Appends to the comma-separated history, dropping the oldest entries beyond the length limit.</summary>
    private static void AppendHistory(IDictionary<string, string> annotations, string revision)
    {
        var entries = annotations.TryGetValue(RevisionHistory, out var history) && history.Length > 0
            ? history.Split(',').ToList()
            : [];
        entries.Add(revision);
        while (entries.Count > 1 && string.Join(',', entries).Length > MaxRevisionHistoryLength)
        {
            entries.RemoveAt(0);
        }

        annotations[RevisionHistory] = string.Join(',', entries);
    }
}
