using SuperKube.Model.Apps;
using static SuperKube.Controllers.Apps.DeploymentConditions;

namespace SuperKube.Controllers.Apps;

/// <summary>
/// A deployment's status from its ReplicaSets (upstream sync.go/progress.go): the counters
/// <c>kubectl rollout status</c> reads, the Available condition, and the Progressing condition with its deadline.
/// </summary>
internal static class DeploymentProgress
{
    /// <summary>The counters and the Available condition; other conditions are carried over.</summary>
    public static DeploymentStatus Calculate(Deployment d, IReadOnlyList<ReplicaSet?> all, ReplicaSet? newRs, DateTimeOffset now)
    {
        var available = ReplicaSets.AvailableTotal(all);
        var status = new DeploymentStatus
        {
            ObservedGeneration = d.Metadata?.Generation,
            Replicas = ReplicaSets.StatusTotal(all),
            UpdatedReplicas = ReplicaSets.StatusTotal([newRs]),
            ReadyReplicas = ReplicaSets.ReadyTotal(all),
            AvailableReplicas = available,
            UnavailableReplicas = Math.Max(0, ReplicaSets.SpecTotal(all) - available),
            CollisionCount = d.Status?.CollisionCount,
            Conditions = [.. (d.Status?.Conditions ?? []).Select(ModelJson.Clone)],
        };
        if (available >= ReplicaSets.Desired(d) - RolloutMath.MaxUnavailable(d))
        {
            Set(status, New(Available, "True", MinimumReplicasAvailable, "Deployment has minimum availability.", now));
        }
        else
        {
            Set(status, New(Available, "False", MinimumReplicasUnavailable, "Deployment does not have minimum availability.", now));
        }

        return status;
    }

    /// <summary>
    /// <see cref="Calculate"/> plus the Progressing condition: NewReplicaSetAvailable once complete, ReplicaSetUpdated
    /// while pods move, ProgressDeadlineExceeded when nothing moved for progressDeadlineSeconds.
    /// </summary>
    public static DeploymentStatus CalculateRollout(Deployment d, IReadOnlyList<ReplicaSet?> all, ReplicaSet? newRs, DateTimeOffset now)
    {
        var status = Calculate(d, all, newRs, now);
        if (!HasProgressDeadline(d))
        {
            Remove(status, Progressing);
            return status;
        }

        var current = Get(d.Status, Progressing);
        var complete = status.Replicas == status.UpdatedReplicas && current?.Reason == NewReplicaSetAvailable;
        if (complete)
        {
            return status;
        }

        var subject = newRs is null ? "Deployment" : $"ReplicaSet \"{newRs.Metadata?.Name}\"";
        if (IsComplete(d, status))
        {
            Set(status, New(Progressing, "True", NewReplicaSetAvailable, $"{subject} has successfully progressed.", now));
        }
        else if (IsProgressing(d, status))
        {
            var condition = New(Progressing, "True", ReplicaSetUpdated, $"{subject} is progressing.", now);
            if (current is not null)
            {
                if (current.Status == "True")
                {
                    condition.LastTransitionTime = current.LastTransitionTime;
                }

                Remove(status, Progressing);
            }

            Set(status, condition);
        }
        else if (IsTimedOut(d, status, now))
        {
            var timedOut = newRs is null ? $"Deployment \"{d.Metadata?.Name}\"" : subject;
            Set(status, New(Progressing, "False", ProgressDeadlineExceeded, $"{timedOut} has timed out progressing.", now));
        }

        return status;
    }

    /// <summary>Every pod updated and available, and the status describes the current generation.</summary>
    public static bool IsComplete(Deployment d, DeploymentStatus status)
    {
        var desired = ReplicaSets.Desired(d);
        return status.UpdatedReplicas == desired
            && status.Replicas == desired
            && status.AvailableReplicas == desired
            && (status.ObservedGeneration ?? 0) >= (d.Metadata?.Generation ?? 0);
    }

    /// <summary>Something moved since the last status: more updated, ready or available pods, or fewer old ones.</summary>
    public static bool IsProgressing(Deployment d, DeploymentStatus status)
    {
        var old = d.Status ?? new DeploymentStatus();
        var oldOldPods = (old.Replicas ?? 0) - (old.UpdatedReplicas ?? 0);
        var newOldPods = (status.Replicas ?? 0) - (status.UpdatedReplicas ?? 0);
        return (status.UpdatedReplicas ?? 0) > (old.UpdatedReplicas ?? 0)
            || newOldPods < oldOldPods
            || (status.ReadyReplicas ?? 0) > (old.ReadyReplicas ?? 0)
            || (status.AvailableReplicas ?? 0) > (old.AvailableReplicas ?? 0);
    }

    /// <summary>The Progressing condition was last updated longer than progressDeadlineSeconds ago.</summary>
    public static bool IsTimedOut(Deployment d, DeploymentStatus status, DateTimeOffset now)
    {
        if (!HasProgressDeadline(d) || Get(status, Progressing) is not { } condition)
        {
            return false;
        }

        if (condition.Reason == NewReplicaSetAvailable)
        {
            return false;
        }

        if (condition.Reason == ProgressDeadlineExceeded)
        {
            return true;
        }

        return condition.LastUpdateTime is { } from && from.AddSeconds(d.Spec!.ProgressDeadlineSeconds!.Value) < now; // checked by HasProgressDeadline
    }

    /// <summary>When to look again so that a stuck rollout is reported once its deadline passes; null when not needed.</summary>
    public static TimeSpan? RecheckAfter(Deployment d, DeploymentStatus status, DateTimeOffset now)
    {
        var condition = Get(status, Progressing);
        if (!HasProgressDeadline(d) || condition is null || condition.Reason is NewReplicaSetAvailable or ProgressDeadlineExceeded
            || IsComplete(d, status) || condition.LastUpdateTime is not { } from)
        {
            return null;
        }

        var after = from.AddSeconds(d.Spec!.ProgressDeadlineSeconds!.Value) - now; // checked by HasProgressDeadline
        return after < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : after;
    }
}
