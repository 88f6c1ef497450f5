using System.Text.Json.Nodes;
using SuperKube.Client;

namespace SuperKube.Services.Tests;

public sealed class ServiceAllocatorTests
{
    private const string NodePortSpec = """{"type":"NodePort","ports":[{"port":80}]}""";
    private const string Web = """{"selector":{"app":"web"},"ports":[{"port":80}]}""";

    [Fact]
    public async Task AllocateAsync_ClusterIpService_GetsAnAddressInRangeAndSingleStackFamilies()
    {
        await using var host = await ServiceTestHost.StartAsync();

        var service = await host.ServiceAsync("web", Web);

        var spec = service["spec"]!.AsObject();
        var ip = spec["clusterIP"]!.GetValue<string>();
        Assert.True(Ipv4Cidr.TryParse("10.96.0.0/12", out var cidr));
        Assert.NotNull(cidr.OffsetOf(ip));
        Assert.Equal(ip, spec["clusterIPs"]![0]!.GetValue<string>());
        Assert.Equal("IPv4", spec["ipFamilies"]![0]!.GetValue<string>());
        Assert.Equal("SingleStack", spec["ipFamilyPolicy"]!.GetValue<string>());
    }

    [Fact]
    public async Task AllocateAsync_ExplicitClusterIpTaken_Returns422OnClusterIps()
    {
        await using var host = await ServiceTestHost.StartAsync();
        await host.ServiceAsync("first", """{"clusterIP":"10.96.0.50","ports":[{"port":80}]}""");

        var error = await host.InvalidAsync("second", """{"clusterIP":"10.96.0.50","ports":[{"port":80}]}""");

        Assert.Contains("spec.clusterIPs: Invalid value: []string{\"10.96.0.50\"}: failed to allocate IP 10.96.0.50: provided IP is already allocated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AllocateAsync_ClusterIpOutsideRange_Returns422NamingTheRange()
    {
        await using var host = await ServiceTestHost.StartAsync();

        var error = await host.InvalidAsync("web", """{"clusterIP":"192.168.1.1","ports":[{"port":80}]}""");

        Assert.Contains("The range of valid IPs is 10.96.0.0/12", error.Message, StringComparison.Ordinal);
        Assert.Equal("spec.clusterIPs", error.Details!["causes"]![0]!["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task AllocateAsync_ConfiguredRange_AllocatesFromIt()
    {
        await using var host = await ServiceTestHost.StartAsync(network: o => (o.ServiceCidr, o.NodePortRange) = ("10.0.0.0/24", "31000-31009"));

        var service = await host.ServiceAsync("web", """{"type":"NodePort","selector":{"app":"web"},"ports":[{"port":80}]}""");

        Assert.StartsWith("10.0.0.", service["spec"]!["clusterIP"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.InRange(service["spec"]!["ports"]![0]!["nodePort"]!.GetValue<int>(), 31000, 31009);
    }

    [Fact]
    public async Task AllocateAsync_NodePortTaken_Returns422OnTheNodePort()
    {
        await using var host = await ServiceTestHost.StartAsync();
        await host.ServiceAsync("first", """{"type":"NodePort","ports":[{"port":80,"nodePort":30080}]}""");

        var error = await host.InvalidAsync("second", """{"type":"NodePort","ports":[{"port":80,"nodePort":30080}]}""");

        Assert.Contains("spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AllocateAsync_NodePortOutsideRange_Returns422()
    {
        await using var host = await ServiceTestHost.StartAsync();

        var error = await host.InvalidAsync("web", """{"type":"NodePort","ports":[{"port":80,"nodePort":8080}]}""");

        Assert.Contains("provided port is not in the valid range. The range of valid ports is 30000-32767", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AllocateAsync_DuplicatePortNames_Returns422()
    {
        await using var host = await ServiceTestHost.StartAsync();

        var error = await host.InvalidAsync("web", """{"ports":[{"name":"http","port":80},{"name":"http","port":81}]}""");

        Assert.Contains("spec.ports[1].name: Duplicate value: \"http\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AllocateAsync_FailedCreate_ReleasesWhatItReserved()
    {
        await using var host = await ServiceTestHost.StartAsync();
        await host.ServiceAsync("taken", """{"type":"NodePort","ports":[{"port":80,"nodePort":30090}]}""");

        await host.InvalidAsync("web", """{"type":"NodePort","clusterIP":"10.96.0.60","ports":[{"name":"a","port":80,"nodePort":30091},{"name":"b","port":81,"nodePort":30090}]}""");
        var retry = await host.ServiceAsync("web", """{"type":"NodePort","clusterIP":"10.96.0.60","ports":[{"port":80,"nodePort":30091}]}""");

        Assert.Equal("10.96.0.60", retry["spec"]!["clusterIP"]!.GetValue<string>());
    }

    [Fact]
    public async Task AllocateAsync_LoadBalancer_GetsNodePortsUnlessDisabled()
    {
        await using var host = await ServiceTestHost.StartAsync();

        var withPorts = await host.ServiceAsync("lb", """{"type":"LoadBalancer","ports":[{"port":80}]}""");
        var without = await host.ServiceAsync("lb2", """{"type":"LoadBalancer","allocateLoadBalancerNodePorts":false,"ports":[{"port":80}]}""");

        Assert.InRange(withPorts["spec"]!["ports"]![0]!["nodePort"]!.GetValue<int>(), 30000, 32767);
        Assert.Null(without["spec"]!["ports"]![0]!["nodePort"]);
    }

    [Fact]
    public async Task AllocateAsync_HeadlessAndExternalName_AllocateNoAddress()
    {
        await using var host = await ServiceTestHost.StartAsync();

        var headless = await host.ServiceAsync("db", """{"clusterIP":"None","selector":{"app":"db"},"ports":[{"port":5432}]}""");
        var external = await host.ServiceAsync("ext", """{"type":"ExternalName","externalName":"example.com"}""");

        Assert.Equal("None", headless["spec"]!["clusterIPs"]![0]!.GetValue<string>());
        Assert.Null(external["spec"]!["clusterIP"]);
        Assert.Null(external["spec"]!["clusterIPs"]);
    }

    [Fact]
    public async Task AllocateAsync_UpdateWithoutNodePort_KeepsTheAllocatedPort()
    {
        await using var host = await ServiceTestHost.StartAsync();
        var created = await host.ServiceAsync("web", """{"type":"NodePort","ports":[{"port":80}]}""");
        var nodePort = created["spec"]!["ports"]![0]!["nodePort"]!.GetValue<int>();

        created["spec"]!["ports"]![0]!.AsObject().Remove("nodePort");
        created["metadata"]!["labels"] = new JsonObject { ["changed"] = "yes" };
        var updated = await host.Client.UpdateAsync(ApiResource.Services, "default", created, "", default);

        Assert.Equal(nodePort, updated["spec"]!["ports"]![0]!["nodePort"]!.GetValue<int>());
    }

    [Fact]
    public async Task AllocateAsync_ReplaceWithoutClusterIp_KeepsTheAddress()
    {
        await using var host = await ServiceTestHost.StartAsync();
        var created = await host.ServiceAsync("web", Web);
        var ip = created["spec"]!["clusterIP"]!.GetValue<string>();

        created["spec"]!.AsObject().Remove("clusterIP");
        created["spec"]!.AsObject().Remove("clusterIPs");
        var updated = await host.Client.UpdateAsync(ApiResource.Services, "default", created, "", default);

        Assert.Equal(ip, updated["spec"]!["clusterIP"]!.GetValue<string>());
    }

    [Fact]
    public async Task AllocateAsync_TypeChangedToClusterIp_DropsTheNodePorts()
    {
        await using var host = await ServiceTestHost.StartAsync();
        var created = await host.ServiceAsync("web", NodePortSpec);

        created["spec"]!["type"] = "ClusterIP";
        created["spec"]!.AsObject().Remove("externalTrafficPolicy");
        var updated = await host.Client.UpdateAsync(ApiResource.Services, "default", created, "", default);

        Assert.Null(updated["spec"]!["ports"]![0]!["nodePort"]);
    }

    [Fact]
    public async Task Delete_Service_ReleasesItsAddressAndPorts()
    {
        await using var host = await ServiceTestHost.StartAsync();
        await host.ServiceAsync("web", """{"type":"NodePort","clusterIP":"10.96.0.70","ports":[{"port":80,"nodePort":30070}]}""");

        await host.Client.DeleteAsync(ApiResource.Services, "default", "web", null, default);
        var again = await ServiceTestHost.EventuallyAsync(
            async () =>
            {
                try
                {
                    return await host.ServiceAsync("again", """{"type":"NodePort","clusterIP":"10.96.0.70","ports":[{"port":80,"nodePort":30070}]}""");
                }
                catch (SuperKube.Api.ApiException ex) when (ex.Code == 422)
                {
                    return null;
                }
            },
            s => s is not null,
            "release of 10.96.0.70 and 30070");

        Assert.Equal("10.96.0.70", again!["spec"]!["clusterIP"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_ManyPortsInASmallRange_EachPortGetsItsOwnNodePort()
    {
        // The cache lags the reservations a request makes; a port must never be handed the node port another port of
        // the same Service just reserved (the store grants it again to the same owner).
        await using var host = await ServiceTestHost.StartAsync(network: o => o.NodePortRange = "30000-30007");

        for (var i = 0; i < 4; i++)
        {
            var created = await host.ServiceAsync($"small-{i}", """{"type":"NodePort","ports":[{"name":"a","port":80},{"name":"b","port":81}]}""");
            var ports = created["spec"]!["ports"]!.AsArray().Select(p => p!["nodePort"]!.GetValue<int>()).ToList();
            Assert.Equal(2, ports.Distinct().Count());
        }
    }

    [Fact]
    public async Task Create_200ServicesInParallel_AllAddressesAndNodePortsUnique()
    {
        await using var host = await ServiceTestHost.StartAsync();

        var created = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            Task.Run(() => host.ServiceAsync($"svc-{i}", """{"type":"NodePort","ports":[{"name":"a","port":80},{"name":"b","port":81}]}"""))));

        var ips = created.Select(s => s["spec"]!["clusterIP"]!.GetValue<string>()).ToList();
        var ports = created.SelectMany(s => s["spec"]!["ports"]!.AsArray().Select(p => p!["nodePort"]!.GetValue<int>())).ToList();
        Assert.Equal(200, ips.Distinct().Count());
        Assert.Equal(400, ports.Distinct().Count());
        Assert.All(ports, p => Assert.InRange(p, 30000, 32767));
    }

    [Fact]
    public async Task Allocations_AfterRestartOnTheSameDatabase_AreNotReused()
    {
        var path = Path.Combine(Path.GetTempPath(), "superkube-svc-" + Guid.NewGuid().ToString("N")[..8] + ".db");
        try
        {
            var before = new HashSet<string>();
            await using (var host = await ServiceTestHost.StartAsync(path, network: o => (o.ServiceCidr, o.NodePortRange) = ("10.0.0.0/28", "31000-31003")))
            {
                for (var i = 0; i < 3; i++)
                {
                    var service = await host.ServiceAsync($"svc-{i}", """{"type":"NodePort","ports":[{"port":80}]}""");
                    before.Add(service["spec"]!["clusterIP"]!.GetValue<string>());
                    before.Add(service["spec"]!["ports"]![0]!["nodePort"]!.ToString());
                }
            }

            await using var reopened = await ServiceTestHost.StartAsync(path, network: o => (o.ServiceCidr, o.NodePortRange) = ("10.0.0.0/28", "31000-31003"));
            var next = await reopened.ServiceAsync("svc-new", """{"type":"NodePort","ports":[{"port":80}]}""");

            Assert.DoesNotContain(next["spec"]!["clusterIP"]!.GetValue<string>(), before);
            Assert.DoesNotContain(next["spec"]!["ports"]![0]!["nodePort"]!.ToString(), before);
        }
        finally
        {
            foreach (var file in Directory.GetFiles(Path.GetDirectoryName(path)!, Path.GetFileName(path) + "*"))
            {
                try
                {
                    File.Delete(file);
                }
                catch (IOException)
                {
                    // Best effort: a pooled connection may still hold the file.
                }
            }
        }
    }

    [Fact]
    public async Task KubernetesService_AtStart_HoldsTheFirstAddress()
    {
        await using var host = await ServiceTestHost.StartAsync();

        var service = await ServiceTestHost.EventuallyAsync(
            () => host.Client.GetAsync(ApiResource.Services, "default", "kubernetes", default), s => s is not null, "kubernetes Service");

        Assert.Equal("10.96.0.1", service!["spec"]!["clusterIP"]!.GetValue<string>());
        Assert.Equal(443, service["spec"]!["ports"]![0]!["port"]!.GetValue<int>());
    }
}
