using static SuperKube.Controllers.Discovery.Tests.DiscoveryObjects;

namespace SuperKube.Controllers.Discovery.Tests;

public sealed class EndpointsReconcilerTests
{
    [Fact]
    public void Subsets_ReadyAndNotReadyPods_SplitsAddressesSortedByIp()
    {
        var service = Service(Port("http", 80, 8080));

        var subsets = EndpointsReconciler.Subsets(service, [Pod("b", "10.244.0.3"), Pod("a", "10.244.0.2"), Pod("c", "10.244.0.4", ready: false)]);

        var subset = Assert.Single(subsets);
        Assert.Equal(["10.244.0.2", "10.244.0.3"], subset.Addresses!.Select(a => a.Ip));
        Assert.Equal("10.244.0.4", Assert.Single(subset.NotReadyAddresses!).Ip);
        Assert.Equal(8080, Assert.Single(subset.Ports!).Port);
        Assert.Equal("a", subset.Addresses![0].TargetRef!.Name);
        Assert.Equal("node-a", subset.Addresses![0].NodeName);
    }

    [Fact]
    public void Subsets_TerminatingAndAddresslessPods_AreLeftOut()
    {
        var service = Service(Port("http", 80));

        var subsets = EndpointsReconciler.Subsets(service, [Pod("a", "10.244.0.2", terminating: true), Pod("b", "")]);

        Assert.Empty(subsets);
    }

    [Fact]
    public void Subsets_PublishNotReadyAddresses_ListsEveryPodAsReady()
    {
        var service = Service(Port("http", 80));
        service.Spec!.PublishNotReadyAddresses = true;

        var subsets = EndpointsReconciler.Subsets(service, [Pod("a", "10.244.0.2", ready: false)]);

        Assert.Equal("10.244.0.2", Assert.Single(Assert.Single(subsets).Addresses!).Ip);
    }

    [Fact]
    public void Subsets_NamedTargetPort_ResolvedPerPodAndGroupedBySamePorts()
    {
        var service = Service(Port("http", 80, "web"));

        var subsets = EndpointsReconciler.Subsets(service,
        [
            Pod("a", "10.244.0.2", ports: ContainerPort("web", 8080)),
            Pod("b", "10.244.0.3", ports: ContainerPort("web", 9090)),
            Pod("c", "10.244.0.4", ports: ContainerPort("other", 7070)),
        ]);

        Assert.Equal(2, subsets.Count);
        Assert.Equal([8080, 9090], subsets.Select(s => Assert.Single(s.Ports!).Port!.Value).Order());
        Assert.DoesNotContain(subsets.SelectMany(s => s.Addresses!), a => a.Ip == "10.244.0.4");
    }

    [Fact]
    public void Subsets_HeadlessWithoutPorts_ListsAddressesAlone()
    {
        var service = Service();
        service.Spec!.ClusterIP = "None";

        var subset = Assert.Single(EndpointsReconciler.Subsets(service, [Pod("a", "10.244.0.2")]));

        Assert.Null(subset.Ports);
        Assert.Single(subset.Addresses!);
    }
}
