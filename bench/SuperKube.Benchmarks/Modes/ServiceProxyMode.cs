using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using SuperKube.Benchmarks.Infrastructure;
using SuperKube.Client;
using SuperKube.Runtime.ServiceProxy;

namespace SuperKube.Benchmarks.Modes;

/// <summary>
/// The node's service proxy against a direct connection, in one run: a loopback endpoint (standing in for a pod on
/// 127.0.0.2) is reached directly and through NodePort listeners of two real <see cref="ServiceProxy"/>s, one per TCP
/// relay (zero-copy splice, where supported, and the user-space copy loop), fed Services and EndpointSlices as the
/// watch would; measuring bulk throughput (1 and 4 streams), request/response round trips on one connection, and
/// connection setup (connect + first byte). With <c>--pod</c>, also bulk throughput from a real pod on the Docker
/// bridge (<see cref="StreamingPod"/>), directly and through the same node ports. Exit code 1 when the default relay's
/// throughput ratio (1 and 4 streams) is below 60 %: against the pod when measured, else against the loopback endpoint.
/// </summary>
internal static class ServiceProxyMode
{
    public const string Help = "[--megabytes N per stream (1024)] [--round-trips N (20000)] [--connects N (2000)] [--pod [--pod-image IMAGE (superkube-test/busybox:sk1)]]";

    private const int Trials = 5;
    private const double Target = 0.6;

    private static readonly IPAddress Pod = IPAddress.Parse("127.0.0.2");

    public static async Task<int> RunAsync(string[] args)
    {
        var megabytes = IntOption(args, "--megabytes", 1024);
        var roundTrips = IntOption(args, "--round-trips", 20_000);
        var connects = IntOption(args, "--connects", 2_000);
        var podImage = args.Contains("--pod") ? Option(args, "--pod-image") ?? "superkube-test/busybox:sk1" : null;
        using var endpoint = new BenchEndpoint(Pod, megabytes * 1024L * 1024L);
        await using var pod = podImage is null ? null : await StreamingPod.StartAsync(podImage, megabytes, CancellationToken.None);
        List<(string Name, IPAddress Address, int Port)> services = [("loopback", Pod, endpoint.Port)];
        if (pod is not null)
        {
            services.Add(("pod", pod.Address, StreamingPod.Port));
        }

        // Two proxies, one per relay (the default one first), each with a node port per endpoint.
        var defaultZeroCopy = new ServiceProxyOptions().ZeroCopy;
        var (primaryPorts, otherPorts) = (services.ToDictionary(s => s.Name, _ => FreePort.Next()), services.ToDictionary(s => s.Name, _ => FreePort.Next()));
        await using var primary = StartProxy(defaultZeroCopy, services, primaryPorts);
        await using var other = StartProxy(!defaultZeroCopy, services, otherPorts);
        (string Relay, IPEndPoint NodePort)[] NodePorts(string service) =>
            [(primary.TcpRelay, new IPEndPoint(IPAddress.Loopback, primaryPorts[service])), (other.TcpRelay, new IPEndPoint(IPAddress.Loopback, otherPorts[service]))];
        var direct = new IPEndPoint(Pod, endpoint.Port);
        var proxied = NodePorts("loopback");

        Console.WriteLine($"Service proxy: endpoint {direct}{(pod is null ? "" : $" and pod {pod.Address}:{StreamingPod.Port}")}; default TCP relay {primary.TcpRelay}; {Environment.ProcessorCount} cores; load {LoadAverage()}");
        var loopbackMet = true;
        foreach (var streams in new[] { 1, 4 })
        {
            loopbackMet &= await CompareThroughputAsync($"loopback endpoint, {streams} stream(s) x {megabytes} MiB", direct, proxied, streams, command: true) >= Target;
        }

        var directRtt = await RoundTripsAsync(direct, roundTrips);
        foreach (var (relay, nodePort) in proxied)
        {
            Console.WriteLine(Latency($"Round trip, 1-byte request/response x {roundTrips}, {relay} relay", directRtt, await RoundTripsAsync(nodePort, roundTrips)));
        }

        var directConnect = await ConnectsAsync(direct, connects);
        foreach (var (relay, nodePort) in proxied)
        {
            Console.WriteLine(Latency($"Connect + first byte x {connects}, {relay} relay", directConnect, await ConnectsAsync(nodePort, connects)));
        }

        var podMet = true;
        if (pod is not null)
        {
            var podDirect = new IPEndPoint(pod.Address, StreamingPod.Port);
            await WaitListeningAsync(podDirect);
            foreach (var streams in new[] { 1, 4 })
            {
                podMet &= await CompareThroughputAsync($"Docker bridge pod, {streams} stream(s) x {megabytes} MiB", podDirect, NodePorts("pod"), streams, command: false) >= Target;
            }
        }

        // The target is judged on the real endpoint, a pod on the bridge, when measured; else on the loopback stand-in.
        var met = pod is null ? loopbackMet : podMet;
        Console.WriteLine($"Target >= {Target:P0} with the default relay ({primary.TcpRelay}), judged on the {(pod is null ? "loopback endpoint" : "Docker bridge pod")}: {(met ? "met" : "NOT met")}. GC gen0 collections: {GC.CollectionCount(0)}; load {LoadAverage()}");
        return met ? 0 : 1;
    }

    /// <summary>
    /// Alternating trials (the machine is shared, so single runs swing by 2x) straight to <paramref name="direct"/> and
    /// through each node port, medians compared; returns the first node port's throughput ratio. Also this process's
    /// CPU time per GB moved (client, bench endpoint and proxy all run here): less swayed by other load than MB/s, and
    /// its excess over the direct run is what the proxy costs.
    /// </summary>
    private static async Task<double> CompareThroughputAsync(string what, IPEndPoint direct, (string Relay, IPEndPoint NodePort)[] proxied, int streams, bool command)
    {
        IPEndPoint[] targets = [direct, .. proxied.Select(p => p.NodePort)];
        foreach (var target in targets)
        {
            await ThroughputAsync(target, 1, command); // warm-up: JIT and socket paths
        }

        var runs = targets.Select(_ => new List<(double MBps, double CpuPerGB)>()).ToArray();
        for (var trial = 0; trial < Trials; trial++)
        {
            for (var i = 0; i < targets.Length; i++)
            {
                runs[i].Add(await ThroughputAsync(targets[i], streams, command));
            }
        }

        var mbps = runs.Select(r => Median([.. r.Select(x => x.MBps)])).ToArray();
        var cpu = runs.Select(r => Median([.. r.Select(x => x.CpuPerGB)])).ToArray();
        var viaProxy = proxied.Select((p, i) => string.Create(CultureInfo.InvariantCulture,
            $"{p.Relay} relay {mbps[i + 1]:F0} MB/s ({mbps[i + 1] / mbps[0]:P0}, CPU {cpu[i + 1]:F2} s/GB)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Throughput, {what}, median of {Trials}: direct {mbps[0]:F0} MB/s (CPU {cpu[0]:F2} s/GB); via proxy: {string.Join(", ", viaProxy)} "));
        return mbps[1] / mbps[0];
    }

    private static ServiceProxy StartProxy(bool zeroCopy, List<(string Name, IPAddress Address, int Port)> services, Dictionary<string, int> nodePorts)
    {
        var catalog = new ServiceCatalog();
        var proxy = new ServiceProxy(catalog, new ServiceProxyOptions { NodePortAddress = "127.0.0.1", ZeroCopy = zeroCopy }, "bench",
            new LocalAddresses(TimeProvider.System, NullLogger.Instance), TimeProvider.System, NullLogger.Instance);
        catalog.Changed += proxy.Sync;
        catalog.OnServicesListed([.. services.Select((s, i) => Service(s.Name, nodePorts[s.Name], i))]);
        catalog.OnSlicesListed([.. services.Select(s => Slice(s.Name, s.Address, s.Port))]);
        return proxy;
    }

    /// <summary>MB/s, and this process's CPU seconds per GB, over <paramref name="streams"/> parallel connections, each downloading the endpoint's payload.</summary>
    private static async Task<(double MBps, double CpuPerGB)> ThroughputAsync(IPEndPoint target, int streams, bool command)
    {
        var cpu = ProcessorTime();
        var clock = Stopwatch.StartNew();
        var bytes = await Task.WhenAll(Enumerable.Range(0, streams).Select(_ => DownloadAsync(target, command)));
        return (bytes.Sum() / 1e6 / clock.Elapsed.TotalSeconds, (ProcessorTime() - cpu).TotalSeconds / (bytes.Sum() / 1e9));
    }

    /// <summary>Bytes received until end of stream; with <paramref name="command"/>, after asking the bench endpoint for its payload.</summary>
    private static async Task<long> DownloadAsync(IPEndPoint target, bool command)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(target);
        if (command)
        {
            await socket.SendAsync(new[] { (byte)'D' }, SocketFlags.None);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(128 * 1024);
        var total = 0L;
        int read;
        while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None)) > 0)
        {
            total += read;
        }

        ArrayPool<byte>.Shared.Return(buffer);
        return total;
    }

    /// <summary>Waits (bounded) until <paramref name="target"/> accepts connections: a container's server starts a moment after the container.</summary>
    private static async Task WaitListeningAsync(IPEndPoint target)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                await socket.ConnectAsync(target);
                return;
            }
            catch (SocketException) when (deadline.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(100);
            }
        }
    }

    private static async Task<List<double>> RoundTripsAsync(IPEndPoint target, int count)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(target);
        await socket.SendAsync(new[] { (byte)'E' }, SocketFlags.None);
        var one = new byte[1];
        var times = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await socket.SendAsync(one, SocketFlags.None);
            if (await socket.ReceiveAsync(one, SocketFlags.None) != 1)
            {
                throw new InvalidOperationException("echo closed");
            }

            times.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
        }

        return times;
    }

    private static async Task<List<double>> ConnectsAsync(IPEndPoint target, int count)
    {
        var times = new List<double>(count);
        var one = new byte[1];
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(target);
            await socket.SendAsync(new[] { (byte)'P' }, SocketFlags.None);
            if (await socket.ReceiveAsync(one, SocketFlags.None) != 1)
            {
                throw new InvalidOperationException("ping closed");
            }

            times.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
        }

        return times;
    }

    private static string Latency(string what, List<double> direct, List<double> proxied)
    {
        direct.Sort();
        proxied.Sort();
        return string.Create(CultureInfo.InvariantCulture,
            $"{what}: direct p50 {P(direct, 0.5):F0} us / p99 {P(direct, 0.99):F0} us, via proxy p50 {P(proxied, 0.5):F0} us / p99 {P(proxied, 0.99):F0} us, added p50 {P(proxied, 0.5) - P(direct, 0.5):F0} us");
    }

    private static TimeSpan ProcessorTime()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static double P(List<double> sorted, double quantile) => sorted[Math.Min(sorted.Count - 1, (int)(sorted.Count * quantile))];

    private static JsonObject Service(string name, int nodePort, int index) => JsonNode.Parse($$"""
        { "metadata": { "namespace": "bench", "name": "{{name}}" },
          "spec": { "type": "NodePort", "clusterIP": "10.96.0.{{50 + index}}", "ports": [ { "name": "http", "protocol": "TCP", "port": 80, "nodePort": {{nodePort}} } ] } }
        """)!.AsObject();

    private static JsonObject Slice(string service, IPAddress address, int port) => JsonNode.Parse($$"""
        { "metadata": { "namespace": "bench", "name": "{{service}}-1", "labels": { "kubernetes.io/service-name": "{{service}}" } }, "addressType": "IPv4",
          "endpoints": [ { "addresses": [ "{{address}}" ], "conditions": { "ready": true }, "nodeName": "bench" } ],
          "ports": [ { "name": "http", "protocol": "TCP", "port": {{port}} } ] }
        """)!.AsObject();

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static int IntOption(string[] args, string name, int fallback) =>
        Option(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    /// <summary>
    /// The stand-in pod: after one command byte, 'D' sends the payload and closes, 'E' echoes every byte, 'P' answers
    /// one byte and closes.
    /// </summary>
    private sealed class BenchEndpoint : IDisposable
    {
        private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        private readonly long _payload;

        public BenchEndpoint(IPAddress address, long payload)
        {
            _payload = payload;
            _listener.Bind(new IPEndPoint(address, 0));
            _listener.Listen(512);
            Port = ((IPEndPoint)_listener.LocalEndPoint!).Port;
            _ = AcceptAsync();
        }

        public int Port { get; }

        public void Dispose() => _listener.Dispose();

        private async Task AcceptAsync()
        {
            while (true)
            {
                Socket client;
                try
                {
                    client = await _listener.AcceptAsync();
                }
                catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
                {
                    return;
                }

                client.NoDelay = true;
                _ = ServeAsync(client);
            }
        }

        private async Task ServeAsync(Socket client)
        {
            using (client)
            {
                var command = new byte[1];
                if (await client.ReceiveAsync(command, SocketFlags.None) != 1)
                {
                    return;
                }

                switch (command[0])
                {
                    case (byte)'D':
                        var chunk = new byte[128 * 1024];
                        for (var sent = 0L; sent < _payload; sent += chunk.Length)
                        {
                            await client.SendAsync(chunk, SocketFlags.None);
                        }

                        client.Shutdown(SocketShutdown.Send);
                        break;
                    case (byte)'E':
                        while (await client.ReceiveAsync(command, SocketFlags.None) == 1)
                        {
                            await client.SendAsync(command, SocketFlags.None);
                        }

                        break;
                    default:
                        await client.SendAsync(command, SocketFlags.None);
                        break;
                }
            }
        }
    }
}
