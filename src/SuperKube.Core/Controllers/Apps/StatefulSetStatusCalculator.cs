using SuperKube.Model.Apps;
using SuperKube.Model.Core;

namespace SuperKube.Controllers.Apps;

/// <summary>
/// The status of a StatefulSet from its pods: counts by readiness and revision, and <c>currentRevision</c>, which
/// becomes the update revision once every replica runs it and is ready (what <c>kubectl rollout status</c> waits for).
/// </summary>
internal static class StatefulSetStatusCalculator
{
    public static StatefulSetStatus Calculate(StatefulSet set, IReadOnlyList<Pod> pods, string updateRevision, int? collisionCount, DateTimeOffset now)
    {
        var active = pods.Where(p => !StatefulSetPlanner.Terminating(p) && !StatefulSetPlanner.Finished(p)).ToList();
        var minReady = set.Spec?.MinReadySeconds ?? 0;
        var ready = active.Count(PodStates.IsReady);
        var updated = active.Count(p => StatefulSetPlanner.Revision(p) == updateRevision);
        var replicas = StatefulSetPlanner.Replicas(set);
        var current = set.Status?.CurrentRevision ?? updateRevision;
        if (updated == replicas && ready == replicas && active.Count == replicas)
        {
            current = updateRevision;
        }

        var status = set.Status is null ? new StatefulSetStatus() : ModelJson.Clone(set.Status);
        status.ObservedGeneration = set.Metadata?.Generation;
        status.Replicas = active.Count;
        status.ReadyReplicas = ready;
        status.AvailableReplicas = active.Count(p => PodStates.IsAvailable(p, minReady, now));
        status.UpdatedReplicas = updated;
        status.CurrentReplicas = active.Count(p => StatefulSetPlanner.Revision(p) == current);
        status.CurrentRevision = current;
        status.UpdateRevision = updateRevision;
        status.CollisionCount = collisionCount ?? 0;
        return status;
    }
}
