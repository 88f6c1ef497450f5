using SuperKube.Model.Core;
using static SuperKube.Controllers.Discovery.Tests.DiscoveryObjects;

namespace SuperKube.Controllers.Discovery.Tests;

public sealed class EndpointSliceReconcilerTests
{
    private static readonly ListLister<Node> Nodes = new(Node("node-a", "zone-1"), Node("node-b", null));

    [Fact]
    public void Endpoints_PodStates_SetReadyServingAndTerminating()
    {
        var service = Service(Port("http", 80));

        var endpoints = EndpointSliceReconciler.Endpoints(service,
            [Pod("ready", "10.244.0.2"), Pod("unready", "10.244.0.3", ready: false), Pod("going", "10.244.0.4", terminating: true)], Nodes)
            .ToDictionary(e => e.Endpoint.TargetRef!.Name!, e => e.Endpoint.Conditions!);

        Assert.Equal((true, true, false), (endpoints["ready"].Ready, endpoints["ready"].Serving, endpoints["ready"].Terminating));
        Assert.Equal((false, false, false), (endpoints["unready"].Ready, endpoints["unready"].Serving, endpoints["unready"].Terminating));
        Assert.Equal((false, true, true), (endpoints["going"].Ready, endpoints["going"].Serving, endpoints["going"].Terminating));
    }

    [Fact]
    public void Endpoints_NodeWithZoneLabel_CarriesNodeNameZoneAndPodReference()
    {
        var service = Service(Port("http", 80));

        var (ports, endpoint) = Assert.Single(EndpointSliceReconciler.Endpoints(service, [Pod("a", "10.244.0.2")], Nodes));

        Assert.Equal("node-a", endpoint.NodeName);
        Assert.Equal("zone-1", endpoint.Zone);
        Assert.Equal(["10.244.0.2"], endpoint.Addresses!);
        Assert.Equal(("Pod", "ns", "a-uid"), (endpoint.TargetRef!.Kind, endpoint.TargetRef.Namespace, endpoint.TargetRef.Uid));
        Assert.Equal(("http", 80, "TCP"), (ports[0].Name, ports[0].Port!.Value, ports[0].Protocol));
    }

    [Fact]
    public void Split_250Endpoints_MakesSlicesOfAtMost100()
    {
        var service = Service(Port("http", 80));
        var pods = Enumerable.Range(0, 250).Select(i => Pod($"p{i:D3}", $"10.244.{i / 200}.{(i % 200) + 1}")).ToList();

        var slices = EndpointSliceSync.Split(EndpointSliceReconciler.Endpoints(service, pods, Nodes));

        Assert.Equal([100, 100, 50], slices.Select(s => s.Endpoints.Count));
        Assert.Equal(250, slices.SelectMany(s => s.Endpoints).Select(e => e.Addresses![0]).Distinct().Count());
    }

    [Fact]
    public void Split_NoEndpoints_KeepsOnePlaceholderSlice()
    {
        var slice = Assert.Single(EndpointSliceSync.Split([]));

        Assert.Empty(slice.Endpoints);
        Assert.Empty(slice.Ports);
    }
}
