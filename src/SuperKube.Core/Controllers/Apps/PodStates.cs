using SuperKube.Model.Core;

namespace SuperKube.Controllers.Apps;

/// <summary>Pod facts controllers count by: active, ready, available (ready for minReadySeconds).</summary>
internal static class PodStates
{
    /// <summary>Neither finished (Succeeded/Failed) nor being deleted.</summary>
    public static bool IsActive(Pod pod) =>
        pod.Status?.Phase is not ("Succeeded" or "Failed") && pod.Metadata?.DeletionTimestamp is null;

    public static PodCondition? ReadyCondition(Pod pod) => pod.Status?.Conditions?.FirstOrDefault(c => c.Type == "Ready");

    public static bool IsReady(Pod pod) => ReadyCondition(pod)?.Status == "True";

    /// <summary>Ready, and (with <paramref name="minReadySeconds"/>) ready for longer than that.</summary>
    public static bool IsAvailable(Pod pod, int minReadySeconds, DateTimeOffset now)
    {
        var ready = ReadyCondition(pod);
        if (ready?.Status != "True")
        {
            return false;
        }

        return minReadySeconds <= 0 || (ready.LastTransitionTime is { } since && since.AddSeconds(minReadySeconds) < now);
    }
}
