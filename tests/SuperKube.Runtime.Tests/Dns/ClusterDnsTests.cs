using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using SuperKube.Client;
using SuperKube.Runtime.ServiceProxy;

namespace SuperKube.Runtime.Dns.Tests;

/// <summary>The cluster DNS server on a loopback port, asked over real UDP and TCP sockets.</summary>
public sealed class ClusterDnsTests : IAsyncLifetime
{
    private readonly ServiceCatalog _catalog = new();
    private ClusterDnsServer _server = null!; // set in InitializeAsync

    public ValueTask InitializeAsync()
    {
        var resolver = new ClusterDnsResolver(() => _catalog.Services, "cluster.local", 5);
        _server = new ClusterDnsServer(new IPEndPoint(IPAddress.Loopback, 0), resolver, forward: null, TimeProvider.System, NullLogger.Instance);
        _server.Start();
        _catalog.OnServicesListed([
            Service("web", """ "clusterIP": "10.96.0.20", "ports": [ { "name": "http", "protocol": "TCP", "port": 80 } ] """),
            Service("db", """ "clusterIP": "None", "ports": [ { "name": "pg", "protocol": "TCP", "port": 5432 } ] """),
            Service("ext", """ "type": "ExternalName", "externalName": "example.org" """),
        ]);
        _catalog.OnSlicesListed([Slice("db", 5432, [("10.244.0.5", "db-0", true), ("10.244.0.6", "db-1", true), ("10.244.0.7", "db-2", false)])]);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task ServiceName_ClusterIp_AuthoritativeA()
    {
        var reply = await UdpAsync("web.apps.svc.cluster.local", 1);

        Assert.Equal(0, reply.Rcode);
        Assert.True(reply.Authoritative);
        Assert.Equal(["10.96.0.20"], reply.Addresses);
    }

    [Fact]
    public async Task HeadlessService_ReadyPodIps_AndPodByHostname()
    {
        var all = await UdpAsync("db.apps.svc.cluster.local", 1);
        var one = await UdpAsync("DB-1.db.apps.svc.cluster.local", 1);

        Assert.Equal(["10.244.0.5", "10.244.0.6"], all.Addresses.Order());
        Assert.Equal(["10.244.0.6"], one.Addresses);
    }

    [Fact]
    public async Task NamedPort_SrvPerReadyEndpoint_WithTargetsAndAddresses()
    {
        var reply = await UdpAsync("_pg._tcp.db.apps.svc.cluster.local", 33);

        var srv = reply.Records.Where(r => r.Type == 33).ToList();
        Assert.Equal(2, srv.Count);
        Assert.All(srv, r => Assert.Equal(5432, BinaryPrimitives.ReadUInt16BigEndian(r.Data.AsSpan(4))));
        Assert.Equal(["10.244.0.5", "10.244.0.6"], reply.Addresses.Order());
    }

    [Fact]
    public async Task UnknownNames_NxDomain_KnownNameOtherType_NoData()
    {
        var missing = await UdpAsync("nope.apps.svc.cluster.local", 1);
        var searchMiss = await UdpAsync("web.apps.svc.cluster.local.apps.svc.cluster.local", 1);
        var aaaa = await UdpAsync("web.apps.svc.cluster.local", 28);

        Assert.Equal(3, missing.Rcode);
        Assert.Equal(3, searchMiss.Rcode);
        Assert.Equal(0, aaaa.Rcode);
        Assert.Empty(aaaa.Records);
    }

    [Fact]
    public async Task OutsideClusterDomain_WithoutForwarding_Refused()
    {
        var reply = await UdpAsync("example.org", 1);

        Assert.Equal(5, reply.Rcode);
        Assert.False(reply.Authoritative);
    }

    [Fact]
    public async Task ExternalNameAndPodNames_CnameAndDashedAddress()
    {
        var external = await UdpAsync("ext.apps.svc.cluster.local", 1);
        var pod = await UdpAsync("10-244-0-9.apps.pod.cluster.local", 1);

        Assert.Equal(5, Assert.Single(external.Records).Type);
        Assert.Equal(["10.244.0.9"], pod.Addresses);
    }

    [Fact]
    public async Task LargeAnswer_TruncatedOverUdp_CompleteOverTcp()
    {
        var many = Enumerable.Range(1, 60).Select(i => ($"10.244.1.{i}", $"p{i}", true)).ToArray();
        _catalog.OnSliceEvent(new WatchEvent("ADDED", Slice("db", 5432, many, "db-big")));

        var udp = await UdpAsync("db.apps.svc.cluster.local", 1);
        var tcp = await TcpAsync("db.apps.svc.cluster.local", 1);

        Assert.True(udp.Truncated);
        Assert.Empty(udp.Records);
        Assert.Equal(62, tcp.Addresses.Count());
    }

    [Fact]
    public async Task Garbage_FormatErrorOrSilence()
    {
        var formErr = await _server.AnswerAsync(new byte[] { 0x12, 0x34, 0x01, 0, 0, 2, 0, 0, 0, 0, 0, 0 }, 512, CancellationToken.None);
        var silent = await _server.AnswerAsync(new byte[] { 1, 2, 3 }, 512, CancellationToken.None);

        Assert.Equal(1, DnsTestMessages.Read(formErr!).Rcode);
        Assert.Equal(0x1234, DnsTestMessages.Read(formErr!).Id);
        Assert.Null(silent);
    }

    private async Task<DnsTestMessages.Reply> UdpAsync(string name, ushort type)
    {
        using var client = new UdpClient(AddressFamily.InterNetwork);
        var id = (ushort)Random.Shared.Next(1, 65535);
        await client.SendAsync(DnsTestMessages.Query(id, name, type), _server.LocalEndPoint);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            // As resolvers do, ignore datagrams that are not the reply (a stray one can reach a reused ephemeral port).
            var datagram = await client.ReceiveAsync(timeout.Token);
            if (Equals(datagram.RemoteEndPoint, _server.LocalEndPoint) && datagram.Buffer.Length >= 12
                && DnsTestMessages.Read(datagram.Buffer) is { } reply && reply.Id == id)
            {
                return reply;
            }
        }
    }

    private async Task<DnsTestMessages.Reply> TcpAsync(string name, ushort type)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(_server.LocalEndPoint);
        var stream = client.GetStream();
        var query = DnsTestMessages.Query(7, name, type);
        await stream.WriteAsync(new byte[] { (byte)(query.Length >> 8), (byte)query.Length });
        await stream.WriteAsync(query);
        var length = new byte[2];
        await stream.ReadExactlyAsync(length);
        var reply = new byte[BinaryPrimitives.ReadUInt16BigEndian(length)];
        await stream.ReadExactlyAsync(reply);
        return DnsTestMessages.Read(reply);
    }

    private static JsonObject Service(string name, string spec) =>
        JsonNode.Parse($$"""{ "metadata": { "namespace": "apps", "name": "{{name}}" }, "spec": { {{spec}} } }""")!.AsObject();

    private static JsonObject Slice(string service, int port, (string Ip, string Host, bool Ready)[] endpoints, string? name = null) => new()
    {
        ["metadata"] = new JsonObject { ["namespace"] = "apps", ["name"] = name ?? service + "-abc", ["labels"] = new JsonObject { ["kubernetes.io/service-name"] = service } },
        ["addressType"] = "IPv4",
        ["endpoints"] = new JsonArray([.. endpoints.Select(e => (JsonNode)new JsonObject
        {
            ["addresses"] = new JsonArray(e.Ip),
            ["hostname"] = e.Host,
            ["conditions"] = new JsonObject { ["ready"] = e.Ready },
        })]),
        ["ports"] = new JsonArray(new JsonObject { ["name"] = "pg", ["protocol"] = "TCP", ["port"] = port }),
    };
}
