using SuperKube.Controllers.Informers;
using SuperKube.Model;
using SuperKube.Model.Core;
using SuperKube.Model.Meta;

namespace SuperKube.Controllers.Discovery.Tests;

/// <summary>Services, pods and nodes for the endpoint controller tests.</summary>
internal static class DiscoveryObjects
{
    public static Service Service(params ServicePort[] ports) => new()
    {
        Metadata = new ObjectMeta { Name = "web", Namespace = "ns", Uid = "svc-uid", Labels = new Dictionary<string, string> { ["tier"] = "front" } },
        Spec = new ServiceSpec { Selector = new Dictionary<string, string> { ["app"] = "web" }, Ports = ports, ClusterIP = "10.96.0.10" },
    };

    public static ServicePort Port(string name, int port, IntOrString? target = null) =>
        new() { Name = name, Port = port, Protocol = "TCP", TargetPort = target };

    public static Pod Pod(string name, string ip, bool ready = true, bool terminating = false, string node = "node-a", params ContainerPort[] ports) => new()
    {
        Metadata = new ObjectMeta
        {
            Name = name,
            Namespace = "ns",
            Uid = name + "-uid",
            Labels = new Dictionary<string, string> { ["app"] = "web" },
            DeletionTimestamp = terminating ? new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero) : null,
        },
        Spec = new PodSpec { NodeName = node, Containers = [new Container { Name = "c", Image = "nginx", Ports = ports }] },
        Status = new PodStatus
        {
            Phase = "Running",
            PodIP = ip,
            Conditions = [new PodCondition { Type = "Ready", Status = ready ? "True" : "False" }],
        },
    };

    public static ContainerPort ContainerPort(string name, int port) => new() { Name = name, ContainerPortNumber = port, Protocol = "TCP" };

    public static Node Node(string name, string? zone) => new()
    {
        Metadata = new ObjectMeta
        {
            Name = name,
            Labels = zone is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["topology.kubernetes.io/zone"] = zone },
        },
    };

    /// <summary>A lister over a fixed list.</summary>
    public sealed class ListLister<T>(params T[] items) : ILister<T>
        where T : class, IKubernetesObject
    {
        public long Revision => 1;

        public T? Get(string? ns, string name) => items.FirstOrDefault(i => i.Metadata?.Name == name && (ns is null || i.Metadata?.Namespace == ns));

        public IReadOnlyList<T> List(string? ns) => [.. items.Where(i => ns is null || i.Metadata?.Namespace == ns)];

        public IReadOnlyList<T> ByIndex(string indexName, string value) => [];
    }
}
