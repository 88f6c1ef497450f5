using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using SuperKube.IntegrationTests.Infrastructure;

namespace SuperKube.IntegrationTests.Controllers;

/// <summary>
/// The Deployment and ReplicaSet controllers driven by the real kubectl: create, apply, scale, rolling updates,
/// history, undo, restart, pause and resume. The server has no node, so pods stay unscheduled and a
/// <see cref="KubeletSimulator"/> is the only writer of their status: it decides when they are ready (a node agent
/// writing status too would race it, and availability during a rollout would depend on which write came last).
/// </summary>
public sealed class DeploymentRolloutTests(NodelessServerFixture server) : IClassFixture<NodelessServerFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private Infrastructure.Kubectl K => server.Kubectl;

    [Fact]
    public async Task CreateDeployment_PodsBecomeReady_RolloutStatusSucceeds()
    {
        var ns = await NewNamespaceAsync();
        await using var kubelet = new KubeletSimulator(server.Services, ns);

        (await K.RunAsync("create", "deployment", "web", "-n", ns, "--image=nginx:1.25", "--replicas=3")).EnsureSuccess();
        var status = await RolloutStatusAsync(ns, "web");

        Assert.Contains("deployment \"web\" successfully rolled out", status);
        var sets = await GetJsonAsync("rs", ns);
        var rs = Assert.Single(sets["items"]!.AsArray())!;
        var hash = (string)rs["metadata"]!["labels"]!["pod-template-hash"]!;
        Assert.Equal($"web-{hash}", (string?)rs["metadata"]!["name"]);
        Assert.Equal(hash, (string?)rs["spec"]!["selector"]!["matchLabels"]!["pod-template-hash"]);
        Assert.Equal("1", (string?)rs["metadata"]!["annotations"]!["deployment.kubernetes.io/revision"]);
        Assert.Equal("Deployment", (string?)rs["metadata"]!["ownerReferences"]![0]!["kind"]);
        var pods = (await GetJsonAsync("pods", ns))["items"]!.AsArray();
        Assert.Equal(3, pods.Count);
        Assert.All(pods, p => Assert.Equal((string?)rs["metadata"]!["uid"], (string?)p!["metadata"]!["ownerReferences"]![0]!["uid"]));
        var deployment = await GetJsonAsync("deploy/web", ns);
        Assert.Equal((3, 3, 3, 3), ((int?)deployment["status"]!["replicas"], (int?)deployment["status"]!["updatedReplicas"],
            (int?)deployment["status"]!["readyReplicas"], (int?)deployment["status"]!["availableReplicas"]));
    }

    [Fact]
    public async Task ApplyAndScale_Deployment_ReplicaSetAndPodsFollow()
    {
        var ns = await NewNamespaceAsync();
        await using var kubelet = new KubeletSimulator(server.Services, ns);
        await ApplyAsync(ns, Manifest("web", "nginx:1.25", replicas: 2));
        await RolloutStatusAsync(ns, "web");

        (await K.RunAsync("scale", "deployment/web", "-n", ns, "--replicas=5")).EnsureSuccess();
        await RolloutStatusAsync(ns, "web");
        var scaledUp = (await GetJsonAsync("pods", ns))["items"]!.AsArray().Count;
        var currentCheck = await K.RunAsync("scale", "deployment/web", "-n", ns, "--current-replicas=5", "--replicas=1");
        currentCheck.EnsureSuccess();
        await RolloutStatusAsync(ns, "web");
        await WaitForAsync(async () => (await GetJsonAsync("pods", ns))["items"]!.AsArray().Count == 1);

        Assert.Equal(5, scaledUp);
        var rs = Assert.Single((await GetJsonAsync("rs", ns))["items"]!.AsArray())!;
        Assert.Equal(1, (int?)rs["spec"]!["replicas"]);
        Assert.Equal("1", (string?)rs["metadata"]!["annotations"]!["deployment.kubernetes.io/desired-replicas"]);
        var rsName = (string?)rs["metadata"]!["name"];
        var rsEvents = "";
        await WaitForAsync(async () =>
        {
            rsEvents = (await K.RunAsync("get", "events", "-n", ns, "--field-selector", $"involvedObject.name={rsName}", "-o", "jsonpath={.items[*].reason}")).EnsureSuccess().StdOut;
            return rsEvents.Split(' ').Count(r => r == "SuccessfulDelete") == 4;
        });
        var describe = (await K.RunAsync("describe", "deployment", "web", "-n", ns)).EnsureSuccess().StdOut;
        Assert.Contains($"Scaled up replica set {rsName} from 0 to 2", describe);
        Assert.Contains($"Scaled up replica set {rsName} from 2 to 5", describe);
        Assert.Contains($"Scaled down replica set {rsName} from 5 to 1", describe);
        Assert.Equal(5, rsEvents.Split(' ').Count(r => r == "SuccessfulCreate"));
        Assert.Equal(4, rsEvents.Split(' ').Count(r => r == "SuccessfulDelete"));
    }

    [Fact]
    public async Task SetImage_RollingUpdate_KeepsMinimumAvailableAndUndoRestoresRevisionOne()
    {
        var ns = await NewNamespaceAsync();
        await using var kubelet = new KubeletSimulator(server.Services, ns);
        await ApplyAsync(ns, Manifest("web", "nginx:1.25", replicas: 4, strategy: "RollingUpdate", maxSurge: "1", maxUnavailable: "1"));
        await RolloutStatusAsync(ns, "web");
        await using var sampler = new ReadyPodSampler(server.Services, ns);
        await sampler.WaitForReadyAsync(4, Timeout);

        sampler.StartMeasuring();
        (await K.RunAsync("set", "image", "deployment/web", "-n", ns, "nginx=nginx:1.26")).EnsureSuccess();
        await RolloutStatusAsync(ns, "web");
        await sampler.WaitForReadyAsync(4, Timeout);

        Assert.True(sampler.Events > 0);
        Assert.True(sampler.Lowest >= 3, $"only {sampler.Lowest} pods were available during the rollout");
        var history = (await K.RunAsync("rollout", "history", "deployment/web", "-n", ns)).EnsureSuccess().StdOut;
        Assert.Equal(["1", "2"], Revisions(history));

        (await K.RunAsync("rollout", "undo", "deployment/web", "-n", ns)).EnsureSuccess();
        await RolloutStatusAsync(ns, "web");
        await WaitForAsync(async () => (string?)(await GetJsonAsync("deploy/web", ns))["metadata"]!["annotations"]!["deployment.kubernetes.io/revision"] == "3");

        var deployment = await GetJsonAsync("deploy/web", ns);
        Assert.Equal("nginx:1.25", (string?)deployment["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]);
        Assert.Equal(["2", "3"], Revisions((await K.RunAsync("rollout", "history", "deployment/web", "-n", ns)).EnsureSuccess().StdOut));
        var sets = (await GetJsonAsync("rs", ns))["items"]!.AsArray();
        Assert.Equal(2, sets.Count);
        var reused = Assert.Single(sets, s => (string?)s!["spec"]!["template"]!["spec"]!["containers"]![0]!["image"] == "nginx:1.25")!;
        Assert.Equal(("3", "1"), ((string?)reused["metadata"]!["annotations"]!["deployment.kubernetes.io/revision"],
            (string?)reused["metadata"]!["annotations"]!["deployment.kubernetes.io/revision-history"]));
        Assert.Equal(4, (int?)reused["spec"]!["replicas"]);
    }

    [Fact]
    public async Task RolloutRestart_Deployment_RollsToANewReplicaSet()
    {
        var ns = await NewNamespaceAsync();
        await using var kubelet = new KubeletSimulator(server.Services, ns);
        (await K.RunAsync("create", "deployment", "web", "-n", ns, "--image=nginx:1.25", "--replicas=2")).EnsureSuccess();
        await RolloutStatusAsync(ns, "web");

        (await K.RunAsync("rollout", "restart", "deployment/web", "-n", ns)).EnsureSuccess();
        await RolloutStatusAsync(ns, "web");

        var sets = (await GetJsonAsync("rs", ns))["items"]!.AsArray();
        Assert.Equal(2, sets.Count);
        var current = Assert.Single(sets, s => (int?)s!["spec"]!["replicas"] == 2)!;
        Assert.NotNull(current["spec"]!["template"]!["metadata"]!["annotations"]!["kubectl.kubernetes.io/restartedAt"]);
        Assert.Equal("2", (string?)current["metadata"]!["annotations"]!["deployment.kubernetes.io/revision"]);
    }

    [Fact]
    public async Task PauseResume_TemplateChangedWhilePaused_RollsOutOnlyAfterResume()
    {
        var ns = await NewNamespaceAsync();
        await using var kubelet = new KubeletSimulator(server.Services, ns);
        (await K.RunAsync("create", "deployment", "web", "-n", ns, "--image=nginx:1.25", "--replicas=2")).EnsureSuccess();
        await RolloutStatusAsync(ns, "web");

        (await K.RunAsync("rollout", "pause", "deployment/web", "-n", ns)).EnsureSuccess();
        (await K.RunAsync("set", "image", "deployment/web", "-n", ns, "nginx=nginx:1.26")).EnsureSuccess();
        (await K.RunAsync("wait", "deployment/web", "-n", ns, "--for=jsonpath={.status.conditions[?(@.type==\"Progressing\")].reason}=DeploymentPaused",
            "--timeout=60s")).EnsureSuccess();
        (await K.RunAsync("wait", "deployment/web", "-n", ns, "--for=jsonpath={.status.observedGeneration}=3", "--timeout=60s")).EnsureSuccess();
        var whilePaused = (await GetJsonAsync("rs", ns))["items"]!.AsArray().Count;

        (await K.RunAsync("rollout", "resume", "deployment/web", "-n", ns)).EnsureSuccess();
        await RolloutStatusAsync(ns, "web");

        Assert.Equal(1, whilePaused);
        Assert.Equal(2, (await GetJsonAsync("rs", ns))["items"]!.AsArray().Count);
    }

    [Fact]
    public async Task Recreate_ImageChanged_OldPodsGoBeforeNewOnesStart()
    {
        var ns = await NewNamespaceAsync();
        await using var kubelet = new KubeletSimulator(server.Services, ns);
        await ApplyAsync(ns, Manifest("web", "nginx:1.25", replicas: 3, strategy: "Recreate"));
        await RolloutStatusAsync(ns, "web");

        (await K.RunAsync("set", "image", "deployment/web", "-n", ns, "nginx=nginx:1.26")).EnsureSuccess();
        await RolloutStatusAsync(ns, "web");

        var pods = (await GetJsonAsync("pods", ns))["items"]!.AsArray();
        Assert.Equal(3, pods.Count);
        Assert.All(pods, p => Assert.Equal("nginx:1.26", (string?)p!["spec"]!["containers"]![0]!["image"]));
    }

    [Fact]
    public async Task ScaleSubresource_Http_GetPatchAndStalePut()
    {
        var ns = await NewNamespaceAsync();
        (await K.RunAsync("create", "deployment", "web", "-n", ns, "--image=nginx:1.25", "--replicas=2")).EnsureSuccess();
        var url = $"/apis/apps/v1/namespaces/{ns}/deployments/web/scale";

        var scale = (await server.Http.GetFromJsonAsync<JsonObject>(url, TestContext.Current.CancellationToken))!;
        using var patch = new StringContent("""{"spec":{"replicas":4}}""", Encoding.UTF8, "application/merge-patch+json");
        var patched = await server.Http.PatchAsync(url, patch, TestContext.Current.CancellationToken);
        scale["spec"]!["replicas"] = 1;
        using var stale = new StringContent(scale.ToJsonString());
        stale.Headers.ContentType = null;
        var conflict = await server.Http.PutAsync(url, stale, TestContext.Current.CancellationToken);

        Assert.Equal(("Scale", "autoscaling/v1", "app=web"), ((string?)scale["kind"], (string?)scale["apiVersion"], (string?)scale["status"]!["selector"]));
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal(4, (int?)(await patched.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["spec"]!["replicas"]);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal(4, (int?)(await GetJsonAsync("deploy/web", ns))["spec"]!["replicas"]);
    }

    private static string Manifest(string name, string image, int replicas, string strategy = "RollingUpdate", string maxSurge = "25%", string maxUnavailable = "25%")
    {
        var rolling = strategy == "RollingUpdate"
            ? $"\n    rollingUpdate:\n      maxSurge: {maxSurge}\n      maxUnavailable: {maxUnavailable}"
            : "";
        return $"""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: {name}
            spec:
              replicas: {replicas}
              strategy:
                type: {strategy}{rolling}
              selector:
                matchLabels:
                  app: {name}
              template:
                metadata:
                  labels:
                    app: {name}
                spec:
                  containers:
                  - name: nginx
                    image: {image}
            """;
    }

    private static List<string> Revisions(string history) =>
        [.. history.Split('\n').Skip(2).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()).OfType<string>()];

    private async Task ApplyAsync(string ns, string manifest) =>
        (await K.RunAsync(["apply", "-n", ns, "-f", "-"], manifest, Timeout)).EnsureSuccess();

    private async Task<string> RolloutStatusAsync(string ns, string name) =>
        (await K.RunAsync(["rollout", "status", "deployment/" + name, "-n", ns, "--timeout=60s"], null, Timeout)).EnsureSuccess().StdOut;

    private async Task<JsonObject> GetJsonAsync(string what, string ns) =>
        JsonNode.Parse((await K.RunAsync("get", what, "-n", ns, "-o", "json")).EnsureSuccess().StdOut)!.AsObject();

    /// <summary>Re-checks a condition (each check is a kubectl call) until it holds or the timeout passes.</summary>
    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
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
