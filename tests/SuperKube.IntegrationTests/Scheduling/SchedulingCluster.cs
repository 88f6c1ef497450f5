using System.Diagnostics;
using System.Text.Json.Nodes;
using SuperKube.IntegrationTests.Infrastructure;

namespace SuperKube.IntegrationTests.Scheduling;

/// <summary>kubectl helpers for scheduler tests: simulated nodes (created with status), manifests and bounded polling.</summary>
internal sealed class SchedulingCluster(Infrastructure.Kubectl kubectl)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public async Task<string> NamespaceAsync()
    {
        var ns = "sched-" + Guid.NewGuid().ToString("N")[..8];
        (await kubectl.RunAsync("create", "namespace", ns)).EnsureSuccess();
        return ns;
    }

    /// <summary>Creates a Ready node with the given allocatable CPU, labels (YAML flow map) and taints.</summary>
    public Task NodeAsync(string name, string labels, string cpu = "2", string taints = "[]") => ApplyAsync($$"""
        apiVersion: v1
        kind: Node
        metadata:
          name: {{name}}
          labels: {{labels}}
        spec:
          taints: {{taints}}
        status:
          capacity: {cpu: "{{cpu}}", memory: 4Gi, pods: "110"}
          allocatable: {cpu: "{{cpu}}", memory: 4Gi, pods: "110"}
          conditions: [{type: Ready, status: "True", reason: KubeletReady, message: simulated}]
        """);

    public async Task ApplyAsync(string manifest) =>
        (await kubectl.RunAsync(["create", "-f", "-"], manifest, Infrastructure.Kubectl.DefaultTimeout)).EnsureSuccess();

    public async Task<string> JsonPathAsync(string ns, string pod, string path) =>
        (await kubectl.RunAsync("get", "pod", pod, "-n", ns, "-o", $"jsonpath={path}")).EnsureSuccess().StdOut;

    /// <summary>Waits until the pod is bound (PodScheduled=True, as kubectl wait sees it) and returns its node.</summary>
    public async Task<string> ScheduledNodeAsync(string ns, string pod)
    {
        (await kubectl.RunAsync("wait", "-n", ns, $"pod/{pod}", "--for=condition=PodScheduled", "--timeout=30s")).EnsureSuccess();
        return await JsonPathAsync(ns, pod, "{.spec.nodeName}");
    }

    /// <summary>Polls kubectl's JSON output of events until one for the pod has the reason.</summary>
    public async Task<JsonObject> EventAsync(string ns, string pod, string reason)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var list = JsonNode.Parse((await kubectl.RunAsync("get", "events", "-n", ns, "-o", "json")).EnsureSuccess().StdOut)!;
            var match = list["items"]!.AsArray().OfType<JsonObject>()
                .FirstOrDefault(e => (string?)e["involvedObject"]?["name"] == pod && (string?)e["reason"] == reason);
            if (match is not null)
            {
                return match;
            }

            if (clock.Elapsed > Timeout)
            {
                throw new TimeoutException($"no {reason} event for {ns}/{pod}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Polls until the check passes or the timeout ends; returns whether it passed.</summary>
    public static async Task<bool> EventuallyAsync(Func<Task<bool>> check)
    {
        var clock = Stopwatch.StartNew();
        while (!await check())
        {
            if (clock.Elapsed > Timeout)
            {
                return false;
            }

            await Task.Delay(100);
        }

        return true;
    }
}
