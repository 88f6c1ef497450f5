using SuperKube.Model.Apps;
using SuperKube.Model.Core;

namespace SuperKube.Controllers.Apps;

/// <summary>A ReplicaSet's status from its active pods, and when a ready pod will next become available.</summary>
internal static class ReplicaSetStatusCalculator
{
    public const string ReplicaFailure = "ReplicaFailure";

    /// <param name="rs">The set.</param>
    /// <param name="active">Its active pods.</param>
    /// <param name="failure">The reason and message of a failed create or delete, or null.</param>
    /// <param name="now">The current time.</param>
    public static ReplicaSetStatus Calculate(ReplicaSet rs, IReadOnlyList<Pod> active, (string Reason, string Message)? failure, DateTimeOffset now)
    {
        var minReady = rs.Spec?.MinReadySeconds ?? 0;
        var templateLabels = rs.Spec?.Template?.Metadata?.Labels;
        var status = new ReplicaSetStatus
        {
            Replicas = active.Count,
            FullyLabeledReplicas = active.Count(p => Selectors.ContainsAll(p.Metadata?.Labels, templateLabels)),
            ReadyReplicas = active.Count(PodStates.IsReady),
            AvailableReplicas = active.Count(p => PodStates.IsAvailable(p, minReady, now)),
            ObservedGeneration = rs.Metadata?.Generation,
            Conditions = [.. (rs.Status?.Conditions ?? []).Select(ModelJson.Clone)],
        };
        var existing = status.Conditions.FirstOrDefault(c => c.Type == ReplicaFailure);
        if (failure is { } f && existing is null)
        {
            status.Conditions.Add(new ReplicaSetCondition
            {
                Type = ReplicaFailure, Status = "True", Reason = f.Reason, Message = f.Message, LastTransitionTime = TruncateToSeconds(now),
            });
        }
        else if (failure is null && existing is not null)
        {
            status.Conditions.Remove(existing);
        }

        if (status.Conditions.Count == 0)
        {
            status.Conditions = null;
        }

        return status;
    }

    /// <summary>How long until the next ready-but-not-yet-available pod becomes available; null when none is waiting.</summary>
    public static TimeSpan? NextAvailability(ReplicaSet rs, IEnumerable<Pod> active, DateTimeOffset now)
    {
        var minReady = rs.Spec?.MinReadySeconds ?? 0;
        if (minReady <= 0)
        {
            return null;
        }

        TimeSpan? next = null;
        foreach (var pod in active)
        {
            if (PodStates.ReadyCondition(pod) is { Status: "True", LastTransitionTime: { } since } && !PodStates.IsAvailable(pod, minReady, now))
            {
                var wait = since.AddSeconds(minReady) - now + TimeSpan.FromMilliseconds(10);
                wait = wait < TimeSpan.FromMilliseconds(10) ? TimeSpan.FromMilliseconds(10) : wait;
                next = next is null || wait < next ? wait : next;
            }
        }

        return next;
    }

    public static DateTimeOffset TruncateToSeconds(DateTimeOffset time) => new(time.Ticks - (time.Ticks % TimeSpan.TicksPerSecond), time.Offset);
}
