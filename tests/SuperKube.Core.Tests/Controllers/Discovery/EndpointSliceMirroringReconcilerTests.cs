using SuperKube.Model.Core;

namespace SuperKube.Controllers.Discovery.Tests;

public sealed class EndpointSliceMirroringReconcilerTests
{
    [Fact]
    public void Mirror_HandMadeEndpoints_CopiesAddressesWithReadinessAndPorts()
    {
        var endpoints = new Endpoints
        {
            Subsets =
            [
                new EndpointSubset
                {
                    Addresses = [new EndpointAddress { Ip = "192.0.2.10" }],
                    NotReadyAddresses = [new EndpointAddress { Ip = "192.0.2.11" }, new EndpointAddress { Ip = "fd00::1" }],
                    Ports = [new EndpointPort { Name = "db", Port = 5432 }],
                },
            ],
        };

        var mirrored = EndpointSliceMirroringReconciler.Mirror(endpoints).ToList();

        Assert.Equal(["192.0.2.10", "192.0.2.11"], mirrored.Select(m => m.Endpoint.Addresses![0]));
        Assert.Equal([true, false], mirrored.Select(m => m.Endpoint.Conditions!.Ready!.Value));
        Assert.All(mirrored, m => Assert.Equal(("db", 5432, "TCP"), (m.Ports[0].Name, m.Ports[0].Port!.Value, m.Ports[0].Protocol)));
    }
}
