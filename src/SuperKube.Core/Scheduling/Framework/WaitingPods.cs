using System.Collections.Concurrent;

namespace SuperKube.Scheduling.Framework;

/// <summary>The pods waiting at Permit, shared by the binding cycles and the plugins that release them.</summary>
internal sealed class WaitingPods : IWaitingPods
{
    private readonly ConcurrentDictionary<string, WaitingPod> _pods = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Uids => [.. _pods.Keys];

    public WaitingPod Add(PodInfo pod, IEnumerable<string> plugins)
    {
        var waiting = new WaitingPod(pod, plugins);
        _pods[pod.Uid] = waiting;
        return waiting;
    }

    public void Remove(string uid) => _pods.TryRemove(uid, out _);

    public bool Allow(string podUid, string plugin) => _pods.TryGetValue(podUid, out var pod) && pod.Allow(plugin);

    public bool Reject(string podUid, string plugin, string message) => _pods.TryGetValue(podUid, out var pod) && pod.Reject(plugin, message);
}
