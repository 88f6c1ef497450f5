using System.Net.Sockets;
using SuperKube.IntegrationTests.Infrastructure;
using SuperKube.IntegrationTests.Nodes;
using SuperKube.Runtime.Docker.Tests;

namespace SuperKube.IntegrationTests.Docker;

/// <summary>
/// Services end to end on real containers, driven by the real kubectl: the node's service proxy on node ports and
/// LoadBalancer ingress addresses, and pods finding Services through the node's cluster DNS.
/// </summary>
public sealed class ServiceNetworkingDockerTests(DockerServerFixture server) : IClassFixture<DockerServerFixture>
{
    private const string Wait = "--timeout=120s";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);

    private Infrastructure.Kubectl K => server.Kubectl;

    [Fact]
    public async Task ExposeNodePort_RequestsSpreadAcrossReplicas_ScalingUpdatesEndpointsAndProxy()
    {
        var ns = await NamespaceAsync();
        await WebDeploymentAsync(ns, replicas: 2);

        (await K.RunAsync("expose", "deployment", "web", "-n", ns, "--type=NodePort", "--port=80", "--target-port=8080")).EnsureSuccess();
        var nodePort = (await K.RunAsync("get", "svc", "web", "-n", ns, "-o", "jsonpath={.spec.ports[0].nodePort}")).EnsureSuccess().StdOut.Trim();
        var two = await DistinctRepliesAsync($"http://127.0.0.1:{nodePort}/", 2);

        (await K.RunAsync("scale", "deployment", "web", "-n", ns, "--replicas=3")).EnsureSuccess();
        (await K.RunAsync("rollout", "status", "deployment/web", "-n", ns, Wait)).EnsureSuccess();
        await Poll.UntilAsync(async () => Words(await K.RunAsync("get", "endpoints", "web", "-n", ns, "-o", "jsonpath={.subsets[*].addresses[*].ip}")) == 3
            && Words(await K.RunAsync("get", "endpointslices", "-n", ns, "-l", "kubernetes.io/service-name=web", "-o", "jsonpath={.items[*].endpoints[*].addresses[0]}")) == 3,
            Bound, "3 endpoints in Endpoints and EndpointSlices");
        var three = await DistinctRepliesAsync($"http://127.0.0.1:{nodePort}/", 3);
        var pods = (await K.RunAsync("get", "pods", "-n", ns, "-l", "app=web", "-o", "jsonpath={.items[*].metadata.name}")).EnsureSuccess().StdOut.Split(' ');

        Assert.Equal(2, two.Count);
        Assert.Equal(pods.Order(), three.Order());
    }

    [Fact]
    public async Task LoadBalancer_ExternalIpShownAndAnsweringOnServicePort()
    {
        var ns = await NamespaceAsync();
        await WebDeploymentAsync(ns, replicas: 1);
        var port = FreePort();

        (await K.RunAsync("expose", "deployment", "web", "-n", ns, "--name=web-lb", "--type=LoadBalancer", $"--port={port}", "--target-port=8080")).EnsureSuccess();
        var externalIp = await Poll.UntilAsync(async () =>
            (await K.RunAsync("get", "svc", "web-lb", "-n", ns, "-o", "jsonpath={.status.loadBalancer.ingress[0].ip}")).StdOut.Trim() is { Length: > 0 } ip ? ip : null,
            Bound, () => "an ingress IP");
        var table = (await K.RunAsync("get", "svc", "web-lb", "-n", ns)).EnsureSuccess().StdOut;
        var replies = await DistinctRepliesAsync($"http://{externalIp}:{port}/", 1);

        Assert.Contains(externalIp, table);
        Assert.StartsWith("web-", Assert.Single(replies));
    }

    [Fact]
    public async Task Pod_ResolvesServiceWithNslookup_AndReachesItByName()
    {
        var ns = await NamespaceAsync();
        await WebDeploymentAsync(ns, replicas: 1);
        (await K.RunAsync("expose", "deployment", "web", "-n", ns, "--port=80", "--target-port=8080")).EnsureSuccess();
        var clusterIp = (await K.RunAsync("get", "svc", "web", "-n", ns, "-o", "jsonpath={.spec.clusterIP}")).EnsureSuccess().StdOut.Trim();
        await ClientPodAsync(ns);

        var lookup = (await K.RunAsync("exec", "client", "-n", ns, "--", "nslookup", "web")).StdOut; // exits 1: busybox also reports the other search domains' NXDOMAIN
        var resolvConf = (await K.RunAsync("exec", "client", "-n", ns, "--", "cat", "/etc/resolv.conf")).EnsureSuccess().StdOut;
        var page = await GetFromPodAsync(ns, "client", "web", 80);

        Assert.Contains($"Name:\tweb.{ns}.svc.cluster.local\nAddress: {clusterIp}\n", lookup);
        Assert.Contains($"search {ns}.svc.cluster.local svc.cluster.local cluster.local", resolvConf);
        Assert.Contains("options ndots:5", resolvConf);
        Assert.Contains("HTTP/1.1 200 OK", page);
        Assert.StartsWith("web-", page.Split("\r\n\r\n")[1]);
    }

    [Fact]
    public async Task HeadlessStatefulSet_PodsResolveEachOtherByPodNameDotService()
    {
        var ns = await NamespaceAsync();
        (await K.RunAsync("apply", "-f", PodManifests.Write($$"""
            apiVersion: v1
            kind: Service
            metadata: { name: db, namespace: {{ns}} }
            spec:
              clusterIP: None
              selector: { app: db }
              ports: [ { name: http, port: 8080 } ]
            ---
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: { name: db, namespace: {{ns}} }
            spec:
              serviceName: db
              replicas: 2
              selector: { matchLabels: { app: db } }
              template:
                metadata: { labels: { app: db } }
                {{Indent(WebPodSpec, 4)}}
            """))).EnsureSuccess();
        (await K.RunAsync("rollout", "status", "statefulset/db", "-n", ns, Wait)).EnsureSuccess();
        var db0 = (await K.RunAsync("get", "pod", "db-0", "-n", ns, "-o", "jsonpath={.status.podIP}")).EnsureSuccess().StdOut.Trim();

        var ping = (await K.RunAsync("exec", "db-1", "-n", ns, "--", "ping", "-c", "1", "-W", "2", "db-0.db")).EnsureSuccess().StdOut;
        var lookup = (await K.RunAsync("exec", "db-1", "-n", ns, "--", "nslookup", $"db-0.db.{ns}.svc.cluster.local")).EnsureSuccess().StdOut;
        var page = await GetFromPodAsync(ns, "db-1", "db-0.db", 8080);

        Assert.StartsWith($"PING db-0.db ({db0})", ping); // the pod's resolver: search path + ndots:5 + cluster DNS
        Assert.Contains($"Address: {db0}", lookup);
        Assert.Equal("db-0", page.Split("\r\n\r\n")[1].Trim());
    }

    /// <summary>A pod spec whose busybox httpd on 8080 answers with the pod's name, ready once it listens.</summary>
    private static string WebPodSpec => $$"""
        spec:
          terminationGracePeriodSeconds: 1
          containers:
          - name: httpd
            image: {{DockerEngine.TestImage}}
            env: [ { name: POD, valueFrom: { fieldRef: { fieldPath: metadata.name } } } ]
            command: ["sh", "-c", "mkdir -p /www && echo $POD > /www/index.html && exec httpd -f -p 8080 -h /www"]
            ports: [ { name: http, containerPort: 8080 } ]
            readinessProbe: { tcpSocket: { port: 8080 }, periodSeconds: 1 }
        """;

    /// <summary>
    /// An HTTP GET sent from inside a pod with busybox <c>nc</c> to a host name (resolved by the pod's libc through the
    /// cluster DNS); the full response. The image's static busybox <c>wget</c> crashes on any URL, so nc it is.
    /// </summary>
    private async Task<string> GetFromPodAsync(string ns, string pod, string host, int port) =>
        await Poll.UntilAsync(async () =>
            (await K.RunAsync("exec", pod, "-n", ns, "--", "sh", "-c", $"printf 'GET / HTTP/1.0\\r\\n\\r\\n' | nc -w 5 {host} {port}")) is { ExitCode: 0 } ok
            && ok.StdOut.Contains("\r\n\r\n", StringComparison.Ordinal) ? ok.StdOut : null,
            Bound, () => $"GET http://{host}:{port}/ from pod {pod}");

    private async Task WebDeploymentAsync(string ns, int replicas)
    {
        (await K.RunAsync("apply", "-f", PodManifests.Write($$"""
            apiVersion: apps/v1
            kind: Deployment
            metadata: { name: web, namespace: {{ns}} }
            spec:
              replicas: {{replicas}}
              selector: { matchLabels: { app: web } }
              template:
                metadata: { labels: { app: web } }
                {{Indent(WebPodSpec, 4)}}
            """))).EnsureSuccess();
        (await K.RunAsync("rollout", "status", "deployment/web", "-n", ns, Wait)).EnsureSuccess();
    }

    private async Task ClientPodAsync(string ns)
    {
        (await K.RunAsync("run", "client", "-n", ns, $"--image={DockerEngine.TestImage}", "--restart=Never", "--", "sleep", "3600")).EnsureSuccess();
        (await K.RunAsync("wait", "--for=condition=Ready", "pod/client", "-n", ns, Wait)).EnsureSuccess();
    }

    /// <summary>GETs <paramref name="url"/> (a fresh connection each time) until <paramref name="count"/> different bodies came back.</summary>
    private static async Task<HashSet<string>> DistinctRepliesAsync(string url, int count)
    {
        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero }) { Timeout = TimeSpan.FromSeconds(5) };
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var errors = new List<string>();
        await Poll.UntilAsync(async () =>
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { ConnectionClose = true } };
                using var response = await http.SendAsync(request);
                seen.Add((await response.Content.ReadAsStringAsync()).Trim());
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                errors.Add(ex.Message);
            }

            return seen.Count >= count;
        }, Bound, $"{count} different replies from {url}");
        return seen;
    }

    private static int Words(Infrastructure.KubectlResult result) =>
        result.StdOut.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    private static int FreePort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Any, 0));
        return ((System.Net.IPEndPoint)probe.LocalEndPoint!).Port;
    }

    private static string Indent(string text, int spaces) =>
        string.Join('\n', text.Split('\n').Select((l, i) => i == 0 || l.Length == 0 ? l : new string(' ', spaces) + l));

    private async Task<string> NamespaceAsync()
    {
        server.Require();
        return await server.NewNamespaceAsync();
    }
}
