using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using SuperKube.Benchmarks.Infrastructure;
using SuperKube.Runtime.Containers;
using SuperKube.Runtime.Docker;

namespace SuperKube.Benchmarks.Modes;

/// <summary>
/// The Docker runtime's latencies: a pod's start through the runtime alone (sandbox + container until running),
/// a pod's start through the API server and its embedded Docker node (POST → phase Running), the exec round trip,
/// and port-forward throughput against a direct copy (<see cref="PortForwardThroughput"/>).
/// </summary>
internal static class DockerMode
{
    public const string Help = "[--pods N (10)] [--execs N (20)] [--image IMAGE (superkube-test/busybox:sk1)] [--server superkube.dll]";

    public static async Task<int> RunAsync(string[] args)
    {
        var pods = IntOption(args, "--pods", 10);
        var execs = IntOption(args, "--execs", 20);
        var image = Option(args, "--image") ?? "superkube-test/busybox:sk1";
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        var token = cancellation.Token;
        using var runtime = new DockerContainerRuntime(TimeProvider.System, Options.Create(new DockerRuntimeOptions()));
        try
        {
            Console.WriteLine($"Docker {(await runtime.GetVersionAsync(token)).Version}, image {image}, {Environment.ProcessorCount} cores");
            await runtime.PullImageAsync(image, ImagePullPolicy.Never, null, token);
        }
        catch (ContainerRuntimeException ex)
        {
            Console.Error.WriteLine($"docker: {ex.Message}\n(the Docker tests import superkube-test/busybox:sk1; run them once, or pass --image)");
            return 3;
        }

        var (starts, execTimes) = await MeasureRuntimeAsync(runtime, image, pods, execs, token);
        var serverDll = Option(args, "--server") ?? await HostBuild.PublishAsync(token);
        var (apiStarts, forward) = await MeasureApiAsync(runtime, serverDll, image, pods, token);

        Console.WriteLine();
        Console.WriteLine(Row("Pod start, runtime only (sandbox + container running)", starts));
        Console.WriteLine(Row("Pod start via API (POST pod -> phase Running)", apiStarts));
        Console.WriteLine(Row("Exec round trip (exec `true`, exit code read)", execTimes));
        Console.WriteLine(PortForwardThroughput.Row(forward));
        return 0;
    }

    private static async Task<(List<double> Starts, List<double> Execs)> MeasureRuntimeAsync(
        DockerContainerRuntime runtime, string image, int pods, int execs, CancellationToken token)
    {
        var starts = new List<double>();
        var times = new List<double>();
        var sandboxes = new List<string>();
        try
        {
            for (var i = 0; i < pods; i++)
            {
                var clock = Stopwatch.StartNew();
                var sandbox = await runtime.CreateSandboxAsync(new PodSandboxSpec { PodUid = Guid.NewGuid().ToString(), Namespace = "bench", Name = $"bench-{i}" }, token);
                sandboxes.Add(sandbox);
                var id = await runtime.CreateContainerAsync(sandbox, new ContainerSpec { Name = "main", Image = image, Command = ["sleep", "3600"] }, token);
                await runtime.StartContainerAsync(id, token);
                starts.Add(clock.Elapsed.TotalMilliseconds);
                if (i == 0)
                {
                    for (var e = 0; e < execs; e++)
                    {
                        clock.Restart();
                        await using var session = await runtime.ExecAsync(id, new ExecOptions { Command = ["true"] }, token);
                        await session.Stdout!.CopyToAsync(Stream.Null, token);
                        await session.ExitCode.WaitAsync(token);
                        times.Add(clock.Elapsed.TotalMilliseconds);
                    }
                }
            }
        }
        finally
        {
            foreach (var sandbox in sandboxes)
            {
                await runtime.RemoveSandboxAsync(sandbox, CancellationToken.None);
            }
        }

        return (starts, times);
    }

    private static async Task<(List<double> Starts, PortForwardThroughput.Result Forward)> MeasureApiAsync(DockerContainerRuntime runtime, string serverDll, string image, int pods, CancellationToken token)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(30) };
        var ns = "bench-" + Guid.NewGuid().ToString("N")[..6];
        var starts = new List<double>();
        await using var server = await SuperKubeServer.StartAsync(serverDll, http, token, runtime: "docker");
        try
        {
            await WaitForAsync(async () => (await http.GetFromJsonAsync<JsonObject>(new Uri(server.Url, "api/v1/nodes"), token))?["items"]?.AsArray().Count > 0, token);
            await PostAsync(http, new Uri(server.Url, "api/v1/namespaces"), $$$"""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"{{{ns}}}"}}""", token);
            for (var i = 0; i < pods; i++)
            {
                var name = $"pod-{i}";
                var clock = Stopwatch.StartNew();
                await PostAsync(http, new Uri(server.Url, $"api/v1/namespaces/{ns}/pods"), $$$"""
                    {"apiVersion":"v1","kind":"Pod","metadata":{"name":"{{{name}}}"},
                     "spec":{"terminationGracePeriodSeconds":0,"containers":[{"name":"main","image":"{{{image}}}","command":["sleep","3600"]}]}}
                    """, token);
                await WaitForAsync(async () =>
                    (await http.GetFromJsonAsync<JsonObject>(new Uri(server.Url, $"api/v1/namespaces/{ns}/pods/{name}"), token))?["status"]?["phase"]?.GetValue<string>() == "Running", token);
                starts.Add(clock.Elapsed.TotalMilliseconds);
            }

            await PostAsync(http, new Uri(server.Url, $"api/v1/namespaces/{ns}/pods"), $$$"""
                {"apiVersion":"v1","kind":"Pod","metadata":{"name":"web"},
                 "spec":{"terminationGracePeriodSeconds":0,"containers":[{"name":"main","image":"{{{image}}}","command":{{{PortForwardThroughput.Command}}}}]}}
                """, token);
            string? podIp = null;
            await WaitForAsync(async () =>
            {
                var pod = await http.GetFromJsonAsync<JsonObject>(new Uri(server.Url, $"api/v1/namespaces/{ns}/pods/web"), token);
                podIp = pod?["status"]?["podIP"]?.GetValue<string>();
                return pod?["status"]?["phase"]?.GetValue<string>() == "Running" && podIp is not null;
            }, token);
            await WaitForAsync(async () =>
            {
                try
                {
                    using var probe = await http.GetAsync(new Uri($"http://{podIp}:8080/big"), HttpCompletionOption.ResponseHeadersRead, token);
                    return probe.IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    return false; // still writing the file
                }
            }, token);
            var forward = await PortForwardThroughput.MeasureAsync(server.Url, server.ProcessId, ns, "web", podIp!, token);
            return (starts, forward);
        }
        finally
        {
            var left = await runtime.ListContainersAsync(new Dictionary<string, string> { ["io.superkube.pod.namespace"] = ns }, CancellationToken.None);
            foreach (var sandbox in left.Select(c => c.SandboxId).Distinct())
            {
                await runtime.RemoveSandboxAsync(sandbox, CancellationToken.None);
            }
        }
    }

    private static async Task PostAsync(HttpClient http, Uri url, string json, CancellationToken token)
    {
        using var response = await http.PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"), token);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Polls every 10 ms, for at most two minutes.</summary>
    private static async Task WaitForAsync(Func<Task<bool>> condition, CancellationToken token)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            if (deadline.Elapsed > TimeSpan.FromMinutes(2))
            {
                throw new TimeoutException("condition not met within two minutes");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(10), token);
        }
    }

    private static string Row(string label, List<double> values)
    {
        if (values.Count == 0)
        {
            return $"{label}: no samples";
        }

        var sorted = values.Order().ToList();
        double At(double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
        return string.Create(CultureInfo.InvariantCulture,
            $"{label}: n={sorted.Count} median {At(0.5):F0} ms, p90 {At(0.9):F0} ms, min {sorted[0]:F0} ms, max {sorted[^1]:F0} ms");
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static int IntOption(string[] args, string name, int fallback) =>
        Option(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
}
