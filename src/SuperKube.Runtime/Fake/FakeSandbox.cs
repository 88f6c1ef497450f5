using System.Collections.Concurrent;
using SuperKube.Runtime.Containers;

namespace SuperKube.Runtime.Fake;

/// <summary>A simulated pod sandbox: the pod's identity and IP, and the ids of its containers.</summary>
internal sealed class FakeSandbox(string id, PodSandboxSpec spec)
{
    public string Id { get; } = id;

    public PodSandboxSpec Spec { get; } = spec;

    public ConcurrentDictionary<string, FakeContainer> Containers { get; } = SmallConcurrentMap.Create<FakeContainer>();
}
