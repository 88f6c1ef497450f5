namespace SuperKube.Scheduling.Framework;

/// <summary>A pod held at Permit: the plugins that still have to allow it and the outcome once decided.</summary>
internal sealed class WaitingPod(PodInfo pod, IEnumerable<string> pendingPlugins)
{
    private readonly HashSet<string> _pending = new(pendingPlugins, StringComparer.Ordinal);
    private readonly TaskCompletionSource<SchedulingStatus> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public PodInfo Pod { get; } = pod;

    public Task<SchedulingStatus> Outcome => _outcome.Task;

    public bool Allow(string plugin)
    {
        lock (_pending)
        {
            _pending.Remove(plugin);
            return _pending.Count > 0 || _outcome.TrySetResult(SchedulingStatus.Success);
        }
    }

    public bool Reject(string plugin, string message) =>
        _outcome.TrySetResult(SchedulingStatus.Unschedulable(message).WithPlugin(plugin));
}
