using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using SuperKube.Client;

namespace SuperKube.Runtime.ServiceProxy.Tests;

/// <summary>
/// The proxy with real sockets: loopback listeners stand in for pods, node ports listen on 127.0.0.1. TCP goes through
/// the zero-copy splice relay here (where supported) and through the copy relay in <see cref="ServiceProxyCopyRelayTests"/>.
/// </summary>
public class ServiceProxyTests : IAsyncLifetime
{
    private const string Node = "node-a";
    private static readonly IPAddress PodA = IPAddress.Parse("127.0.0.2");
    private static readonly IPAddress PodB = IPAddress.Parse("127.0.0.3");

    private readonly ServiceCatalog _catalog = new();
    private readonly List<LoopbackEndpoint> _pods = [];
    private readonly int _nodePort = FreePort();
    private ServiceProxy _proxy = null!; // set in InitializeAsync

    private protected virtual bool ZeroCopy => true;

    public ValueTask InitializeAsync()
    {
        var options = new ServiceProxyOptions { NodePortAddress = "127.0.0.1", ZeroCopy = ZeroCopy };
        _proxy = new ServiceProxy(_catalog, options, Node, new LocalAddresses(TimeProvider.System, NullLogger.Instance), TimeProvider.System, NullLogger.Instance);
        _catalog.Changed += _proxy.Sync;
        _catalog.OnServicesListed([]);
        _catalog.OnSlicesListed([]);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        await _proxy.DisposeAsync();
        foreach (var pod in _pods)
        {
            await pod.DisposeAsync();
        }
    }

    [Fact]
    public void TcpRelay_IsTheConfiguredOne()
    {
        Assert.Equal(ZeroCopy && Relay.SpliceTcpRelay.IsSupported ? "splice" : "copy", _proxy.TcpRelay);
    }

    [Fact]
    public async Task NodePort_TwoReadyEndpoints_ConnectionsSpreadAcrossBoth()
    {
        var (a, b) = (Pod("a", PodA), Pod("b", PodB));
        Service("NodePort");
        Slice(a.Port, (a, Node, true), (b, Node, true));

        var names = new List<string?>();
        for (var i = 0; i < 6; i++)
        {
            names.Add(await GreetingAsync(_nodePort));
        }

        Assert.Equal(3, names.Count(n => n == "a"));
        Assert.Equal(3, names.Count(n => n == "b"));
    }

    [Fact]
    public async Task EndpointsChange_NewConnectionsUseNewSet_EstablishedConnectionKeepsFlowing()
    {
        var (a, b) = (Pod("a", PodA), Pod("b", PodB));
        Service("NodePort");
        Slice(a.Port, (a, Node, true));
        using var established = await ConnectAsync(_nodePort);
        var reader = new StreamReader(established.GetStream());
        var first = await reader.ReadLineAsync();

        Slice(a.Port, (b, Node, true));
        var afterChange = await GreetingAsync(_nodePort);
        await established.GetStream().WriteAsync("still here\n"u8.ToArray());
        var echoed = await reader.ReadLineAsync();

        Assert.Equal("a", first);
        Assert.Equal("b", afterChange);
        Assert.Equal("still here", echoed);
    }

    [Fact]
    public async Task NotReadyEndpoint_NotUsed_AndNoEndpointClosesConnection()
    {
        var a = Pod("a", PodA);
        Service("NodePort");
        Slice(a.Port, (a, Node, false));

        var greeting = await GreetingAsync(_nodePort);

        Assert.Null(greeting);
    }

    [Fact]
    public async Task ExternalTrafficPolicyLocal_OnlyThisNodesEndpoints()
    {
        var (a, b) = (Pod("a", PodA), Pod("b", PodB));
        Service("NodePort", """, "externalTrafficPolicy": "Local" """);
        Slice(a.Port, (a, "node-b", true), (b, Node, true));

        var names = new List<string?>();
        for (var i = 0; i < 4; i++)
        {
            names.Add(await GreetingAsync(_nodePort));
        }

        Assert.All(names, n => Assert.Equal("b", n));
    }

    [Fact]
    public async Task SessionAffinityClientIp_SameEndpointEveryTime()
    {
        var (a, b) = (Pod("a", PodA), Pod("b", PodB));
        Service("NodePort", """, "sessionAffinity": "ClientIP", "sessionAffinityConfig": { "clientIP": { "timeoutSeconds": 60 } } """);
        Slice(a.Port, (a, Node, true), (b, Node, true));

        var names = new List<string?>();
        for (var i = 0; i < 5; i++)
        {
            names.Add(await GreetingAsync(_nodePort));
        }

        Assert.Single(names.Distinct());
        Assert.NotNull(names[0]);
    }

    [Fact]
    public async Task ServiceDeleted_ListenerClosed()
    {
        var a = Pod("a", PodA);
        Service("NodePort");
        Slice(a.Port, (a, Node, true));
        var before = await GreetingAsync(_nodePort);

        _catalog.OnServiceEvent(new WatchEvent("DELETED", ServiceJson("NodePort", "")));

        Assert.Equal("a", before);
        Assert.Empty(_proxy.Listeners);
        await Assert.ThrowsAnyAsync<SocketException>(() => ConnectAsync(_nodePort));
    }

    [Fact]
    public async Task LoadBalancer_ServedOnLocalIngressIpAtServicePort()
    {
        var a = Pod("a", PodA);
        var servicePort = FreePort();
        Service("LoadBalancer", "", servicePort, """, "status": { "loadBalancer": { "ingress": [ { "ip": "127.0.0.1" }, { "ip": "203.0.113.9" } ] } }""");
        Slice(a.Port, (a, Node, true));

        var viaNodePort = await GreetingAsync(_nodePort);
        var viaIngress = await GreetingAsync(servicePort);

        Assert.Equal("a", viaNodePort);
        Assert.Equal("a", viaIngress);
        Assert.Equal(2, _proxy.Listeners.Count);
    }

    [Fact]
    public async Task UdpPort_DatagramsRelayedBothWays()
    {
        var a = Pod("a", PodA);
        Service("NodePort", "", protocol: "UDP");
        Slice(a.Port, (a, Node, true), "UDP");
        using var client = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));

        await client.SendAsync("ping"u8.ToArray(), new IPEndPoint(IPAddress.Loopback, _nodePort));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var reply = await client.ReceiveAsync(timeout.Token);

        Assert.Equal("a:ping", Encoding.ASCII.GetString(reply.Buffer));
        Assert.Equal(_nodePort, reply.RemoteEndPoint.Port);
    }

    /// <summary>A pod on its own loopback address; all of a test's pods share the first one's port, as one slice port says.</summary>
    private LoopbackEndpoint Pod(string name, IPAddress address)
    {
        var pod = new LoopbackEndpoint(name, address, _pods.Count > 0 ? _pods[0].Port : 0);
        _pods.Add(pod);
        return pod;
    }

    private void Service(string type, string extraSpec = "", int port = 80, string status = "", string protocol = "TCP") =>
        _catalog.OnServiceEvent(new WatchEvent("ADDED", ServiceJson(type, extraSpec, port, status, protocol)));

    private JsonObject ServiceJson(string type, string extraSpec, int port = 80, string status = "", string protocol = "TCP") =>
        JsonNode.Parse($$"""
            { "metadata": { "namespace": "default", "name": "web" },
              "spec": { "type": "{{type}}", "clusterIP": "10.96.0.20",
                        "ports": [ { "name": "http", "protocol": "{{protocol}}", "port": {{port}}, "nodePort": {{_nodePort}} } ] {{extraSpec}} } {{status}} }
            """)!.AsObject();

    private void Slice(int port, params (LoopbackEndpoint Pod, string Node, bool Ready)[] endpoints) => Slice(port, "TCP", endpoints);

    private void Slice(int port, (LoopbackEndpoint Pod, string Node, bool Ready) endpoint, string protocol) => Slice(port, protocol, [endpoint]);

    private void Slice(int port, string protocol, (LoopbackEndpoint Pod, string Node, bool Ready)[] endpoints)
    {
        var list = new JsonArray([.. endpoints.Select(e => (JsonNode)new JsonObject
        {
            ["addresses"] = new JsonArray(e.Pod.Address.ToString()),
            ["conditions"] = new JsonObject { ["ready"] = e.Ready, ["serving"] = e.Ready, ["terminating"] = false },
            ["nodeName"] = e.Node,
        })]);
        var slice = new JsonObject
        {
            ["metadata"] = new JsonObject { ["namespace"] = "default", ["name"] = "web-x1", ["labels"] = new JsonObject { ["kubernetes.io/service-name"] = "web" } },
            ["addressType"] = "IPv4",
            ["endpoints"] = list,
            ["ports"] = new JsonArray(new JsonObject { ["name"] = "http", ["protocol"] = protocol, ["port"] = port }),
        };
        _catalog.OnSliceEvent(new WatchEvent("MODIFIED", slice));
    }

    private static async Task<TcpClient> ConnectAsync(int port)
    {
        var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>The first line the endpoint behind the port says, or null when the proxy closed the connection.</summary>
    private static async Task<string?> GreetingAsync(int port)
    {
        using var client = await ConnectAsync(port);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await new StreamReader(client.GetStream()).ReadLineAsync(timeout.Token);
    }

    private static int FreePort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }
}
