using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SuperKube.IntegrationTests.Infrastructure;

namespace SuperKube.IntegrationTests.Services;

/// <summary>
/// Services end to end with the real kubectl: allocation at create (cluster IP, node ports, 422s on bad input), the
/// Endpoints and EndpointSlice controllers following a Deployment's Fake-runtime pods, the service-lb ingress and the
/// <c>kubernetes</c> Service.
/// </summary>
public sealed partial class ServiceKubectlTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    private Infrastructure.Kubectl K => server.Kubectl;

    [Fact]
    public async Task ExposeNodePort_DeploymentPods_ListedInEndpointsAndSlicesAndFollowScale()
    {
        var ns = await NewNamespaceAsync();
        (await K.RunAsync("create", "deployment", "web", "-n", ns, "--image=nginx:1.25", "--replicas=2")).EnsureSuccess();
        (await K.RunAsync(["rollout", "status", "deploy/web", "-n", ns, "--timeout=90s"], null, Timeout)).EnsureSuccess();

        (await K.RunAsync("expose", "deployment", "web", "-n", ns, "--port", "80", "--type", "NodePort")).EnsureSuccess();

        var table = (await K.RunAsync("get", "svc", "web", "-n", ns)).EnsureSuccess().StdOut;
        Assert.Matches(ServiceRow(), table);
        await WaitForAsync(async () => (await EndpointIpsAsync(ns)).SetEquals(await PodIpsAsync(ns)) && (await PodIpsAsync(ns)).Count == 2);
        var endpoints = (await K.RunAsync("get", "endpoints", "web", "-n", ns)).EnsureSuccess().StdOut;
        Assert.All(await PodIpsAsync(ns), ip => Assert.Contains($"{ip}:80", endpoints, StringComparison.Ordinal));

        (await K.RunAsync("scale", "deployment", "web", "-n", ns, "--replicas=3")).EnsureSuccess();

        await WaitForAsync(async () => (await PodIpsAsync(ns)).Count == 3 && (await EndpointIpsAsync(ns)).SetEquals(await PodIpsAsync(ns)));
        await WaitForAsync(async () => (await SliceIpsAsync(ns)).SetEquals(await PodIpsAsync(ns)));
        var slices = (await K.RunAsync("get", "endpointslices", "-n", ns, "-l", "kubernetes.io/service-name=web")).EnsureSuccess().StdOut;
        Assert.Contains("IPv4", slices, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadBalancerService_GetsTheNodeAddressAsExternalIp()
    {
        var ns = await NewNamespaceAsync();

        (await K.RunAsync("create", "service", "loadbalancer", "lb", "-n", ns, "--tcp=80:8080")).EnsureSuccess();

        await WaitForAsync(async () => (await GetJsonAsync("svc/lb", ns))["status"]?["loadBalancer"]?["ingress"]?[0]?["ip"] is not null);
        var table = (await K.RunAsync("get", "svc", "lb", "-n", ns)).EnsureSuccess().StdOut;
        Assert.DoesNotContain("<pending>", table, StringComparison.Ordinal);
        Assert.Matches(@"LoadBalancer\s+10\.\d+\.\d+\.\d+\s+\d+\.\d+\.\d+\.\d+\s+80:3\d{4}/TCP", table);
    }

    [Fact]
    public async Task BadInput_KubectlPrintsTheInvalidMessages()
    {
        var ns = await NewNamespaceAsync();
        (await K.RunAsync("create", "service", "nodeport", "first", "-n", ns, "--tcp=80", "--node-port=30111")).EnsureSuccess();

        var takenPort = await K.RunAsync("create", "service", "nodeport", "second", "-n", ns, "--tcp=80", "--node-port=30111");
        var outside = await K.RunAsync("create", "service", "clusterip", "third", "-n", ns, "--tcp=80", "--clusterip=192.168.0.5");
        var names = await K.RunAsync(["apply", "-n", ns, "-f", "-"], """
            apiVersion: v1
            kind: Service
            metadata: {name: fourth}
            spec:
              ports:
              - {name: http, port: 80}
              - {name: http, port: 81}
            """, Timeout);

        Assert.NotEqual(0, takenPort.ExitCode);
        Assert.Contains("Service \"second\" is invalid: spec.ports[0].nodePort: Invalid value: 30111: provided port is already allocated", takenPort.StdErr, StringComparison.Ordinal);
        Assert.NotEqual(0, outside.ExitCode);
        Assert.Contains("the provided IP (192.168.0.5) is not in the valid range. The range of valid IPs is 10.96.0.0/12", outside.StdErr, StringComparison.Ordinal);
        Assert.NotEqual(0, names.ExitCode);
        Assert.Contains("spec.ports[1].name: Duplicate value: \"http\"", names.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KubernetesService_PointsAtTheApiServer()
    {
        await WaitForAsync(async () => (await K.RunAsync("get", "endpoints", "kubernetes", "-n", "default")).ExitCode == 0);

        var service = (await K.RunAsync("get", "svc", "kubernetes", "-n", "default")).EnsureSuccess().StdOut;
        var endpoints = (await K.RunAsync("get", "endpoints", "kubernetes", "-n", "default")).EnsureSuccess().StdOut;

        Assert.Matches(@"kubernetes\s+ClusterIP\s+10\.96\.0\.1\s+<none>\s+443/TCP", service);
        Assert.Contains($"127.0.0.1:{server.Url.Port}", endpoints, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"web\s+NodePort\s+10\.(9[6-9]|10\d|11[01])\.\d+\.\d+\s+<none>\s+80:3\d{4}/TCP")]
    private static partial Regex ServiceRow();

    private async Task<HashSet<string>> PodIpsAsync(string ns) =>
        [.. (await GetJsonAsync("pods", ns))["items"]!.AsArray()
            .Where(p => p!["metadata"]!["deletionTimestamp"] is null && p["status"]?["podIP"] is not null)
            .Select(p => (string)p!["status"]!["podIP"]!)];

    private async Task<HashSet<string>> EndpointIpsAsync(string ns) =>
        [.. ((await GetJsonAsync("endpoints/web", ns))["subsets"] as JsonArray ?? [])
            .SelectMany(s => (s!["addresses"] as JsonArray) ?? [])
            .Select(a => (string)a!["ip"]!)];

    private async Task<HashSet<string>> SliceIpsAsync(string ns) =>
        [.. (await GetJsonAsync("endpointslices", ns, "-l", "kubernetes.io/service-name=web"))["items"]!.AsArray()
            .SelectMany(s => (s!["endpoints"] as JsonArray) ?? [])
            .Where(e => (bool?)e!["conditions"]?["ready"] == true)
            .Select(e => (string)e!["addresses"]![0]!)];

    private async Task<JsonObject> GetJsonAsync(string what, string ns, params string[] extra) =>
        JsonNode.Parse((await K.RunAsync(["get", what, "-n", ns, "-o", "json", .. extra], null, Timeout)).EnsureSuccess().StdOut)!.AsObject();

    /// <summary>Re-checks a condition (each check is a kubectl call) until it holds or the timeout passes.</summary>
    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > Timeout)
            {
                throw new TimeoutException("condition not reached");
            }
        }
    }

    private async Task<string> NewNamespaceAsync()
    {
        var name = "t-" + Guid.NewGuid().ToString("N")[..10];
        (await K.RunAsync(["create", "-f", "-"], $"apiVersion: v1\nkind: Namespace\nmetadata:\n  name: {name}\n", Timeout)).EnsureSuccess();
        return name;
    }
}
