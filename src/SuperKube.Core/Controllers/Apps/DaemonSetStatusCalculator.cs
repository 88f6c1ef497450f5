using SuperKube.Model.Apps;

namespace SuperKube.Controllers.Apps;

/// <summary>The node counts of a DaemonSet's status, which <c>kubectl rollout status</c> compares.</summary>
internal static class DaemonSetStatusCalculator
{
    public static DaemonSetStatus Calculate(DaemonSet ds, IReadOnlyList<DaemonSetNode> nodes, int? collisionCount, DateTimeOffset now)
    {
        var minReady = ds.Spec?.MinReadySeconds ?? 0;
        var eligible = nodes.Where(n => n.ShouldRun).ToList();
        var available = eligible.Count(n => n.Live.Any(p => PodStates.IsAvailable(p, minReady, now)));
        var status = ds.Status is null ? new DaemonSetStatus() : ModelJson.Clone(ds.Status);
        status.ObservedGeneration = ds.Metadata?.Generation;
        status.DesiredNumberScheduled = eligible.Count;
        status.CurrentNumberScheduled = eligible.Count(n => n.Live.Any());
        status.NumberMisscheduled = nodes.Count(n => !n.ShouldRun && n.Live.Any());
        status.NumberReady = eligible.Count(n => n.Live.Any(PodStates.IsReady));
        status.NumberAvailable = available;
        status.NumberUnavailable = eligible.Count - available;
        status.UpdatedNumberScheduled = eligible.Count(n => n.Current.Count > 0);
        status.CollisionCount = collisionCount;
        return status;
    }
}
