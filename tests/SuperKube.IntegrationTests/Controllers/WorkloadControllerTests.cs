using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SuperKube.Client;
using SuperKube.IntegrationTests.Infrastructure;
using SuperKube.Resources;

namespace SuperKube.IntegrationTests.Controllers;

/// <summary>
/// The StatefulSet, DaemonSet, Job and CronJob controllers driven by the real kubectl on a three-node server. Job and
/// DaemonSet pods run on the Fake runtime; StatefulSet pods are left unscheduled and made ready by a
/// <see cref="KubeletSimulator"/>, so the test controls when they become ready.
/// </summary>
public sealed class WorkloadControllerTests(WorkloadServerFixture server) : IClassFixture<WorkloadServerFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private Infrastructure.Kubectl K => server.Kubectl;

    [Fact]
    public async Task StatefulSet_CreatesInOrderAndScalesDownInReverse()
    {
        var ns = await NewNamespaceAsync();
        var client = server.Services.GetRequiredService<IKubernetesClient>();
        var start = await client.ListAsync(ApiResource.Pods, ns, null, CancellationToken.None);
        using var creationStop = new CancellationTokenSource(Timeout);
        var creationOrder = Task.Run(() => ReadyBeforeNextAsync(client, ns, start.ResourceVersion, 3, creationStop.Token));
        await ApplyAsync(ns, StatefulSetManifest(3));

        // The embedded and fake nodes run the pods; each pod exists only after the previous one is Ready (OrderedReady).
        await using (new KubeletSimulator(server.Services, ns))
        {
            var status = (await K.RunAsync(["rollout", "status", "sts/web", "-n", ns, "--timeout=60s"], null, Timeout)).EnsureSuccess().StdOut;
            Assert.Contains("partitioned roll out complete: 3 new pods have been updated", status);
            Assert.Equal(["web-0", "web-1", "web-2"], await creationOrder);
            Assert.Equal(["web-0", "web-1", "web-2"], await PodNamesAsync(ns));
            var pod1 = await GetJsonAsync("pod/web-1", ns);
            Assert.Equal(("web-1", "web", "1"), ((string?)pod1["spec"]!["hostname"], (string?)pod1["spec"]!["subdomain"],
                (string?)pod1["metadata"]!["labels"]!["apps.kubernetes.io/pod-index"]));
            Assert.Equal("data-web-1", (string?)pod1["spec"]!["volumes"]!.AsArray().Single(v => (string?)v!["name"] == "data")!["persistentVolumeClaim"]!["claimName"]);
            Assert.Equal(0, (await K.RunAsync("get", "pvc", "data-web-2", "-n", ns)).ExitCode);

            var deleted = new List<string>();
            using var stop = new CancellationTokenSource();
            var watch = Task.Run(async () =>
            {
                await foreach (var change in client.WatchAsync(ApiResource.Pods, ns, new ListOptions(), stop.Token))
                {
                    if (change.Type == "DELETED")
                    {
                        lock (deleted)
                        {
                            deleted.Add((string)change.Object["metadata"]!["name"]!);
                        }
                    }
                }
            });
            (await K.RunAsync("scale", "sts/web", "-n", ns, "--replicas=1")).EnsureSuccess();
            await WaitForAsync(async () => (await PodNamesAsync(ns)).SequenceEqual(["web-0"]));
            await WaitForAsync(() => Task.FromResult(Snapshot(deleted).Count == 2));
            await stop.CancelAsync();
            await watch.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
            Assert.Equal(["web-2", "web-1"], Snapshot(deleted));
        }
    }

    [Fact]
    public async Task DaemonSet_OnePodPerNode_RollsOutAndUndoes()
    {
        var ns = await NewNamespaceAsync();
        await ApplyAsync(ns, DaemonSetManifest("busybox:1.36"));

        (await K.RunAsync(["rollout", "status", "ds/agent", "-n", ns, "--timeout=60s"], null, Timeout)).EnsureSuccess();
        var pods = (await GetJsonAsync("pods", ns))["items"]!.AsArray();
        var nodes = (await GetJsonAsync("nodes", ns))["items"]!.AsArray();
        Assert.Equal(3, nodes.Count);
        Assert.Equal(
            nodes.Select(n => (string?)n!["metadata"]!["name"]).Order(StringComparer.Ordinal),
            pods.Select(p => (string?)p!["spec"]!["nodeName"]).Order(StringComparer.Ordinal));
        var ds = await GetJsonAsync("ds/agent", ns);
        Assert.Equal((3, 3, 3), ((int?)ds["status"]!["desiredNumberScheduled"], (int?)ds["status"]!["numberAvailable"], (int?)ds["status"]!["updatedNumberScheduled"]));

        (await K.RunAsync("set", "image", "ds/agent", "-n", ns, "main=busybox:1.37")).EnsureSuccess();
        (await K.RunAsync(["rollout", "status", "ds/agent", "-n", ns, "--timeout=60s"], null, Timeout)).EnsureSuccess();
        var history = (await K.RunAsync("rollout", "history", "ds/agent", "-n", ns)).EnsureSuccess().StdOut;
        Assert.Equal(["1", "2"], Revisions(history));
        Assert.Contains("busybox:1.36", (await K.RunAsync("rollout", "history", "ds/agent", "-n", ns, "--revision=1")).EnsureSuccess().StdOut);

        (await K.RunAsync("rollout", "undo", "ds/agent", "-n", ns)).EnsureSuccess();
        (await K.RunAsync(["rollout", "status", "ds/agent", "-n", ns, "--timeout=60s"], null, Timeout)).EnsureSuccess();
        Assert.Equal("busybox:1.36", (string?)(await GetJsonAsync("ds/agent", ns))["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]);
        await WaitForAsync(async () => (await GetJsonAsync("pods", ns))["items"]!.AsArray()
            .All(p => (string?)p!["spec"]!["containers"]![0]!["image"] == "busybox:1.36" && p["metadata"]!["deletionTimestamp"] is null));
        Assert.Equal(["2", "3"], Revisions((await K.RunAsync("rollout", "history", "ds/agent", "-n", ns)).EnsureSuccess().StdOut));
    }

    [Fact]
    public async Task Job_Succeeds_Complete()
    {
        var ns = await NewNamespaceAsync();
        await ApplyAsync(ns, await JobManifestAsync("ok", "echo done", completions: 2, backoffLimit: 6));

        (await K.RunAsync(["wait", "--for=condition=complete", "job/ok", "-n", ns, "--timeout=60s"], null, Timeout)).EnsureSuccess();
        var job = await GetJsonAsync("job/ok", ns);
        Assert.Equal(2, (int?)job["status"]!["succeeded"]);
        Assert.NotNull(job["status"]!["completionTime"]);
        Assert.Contains(job["status"]!["conditions"]!.AsArray(), c => (string?)c!["type"] == "SuccessCriteriaMet");
    }

    [Fact]
    public async Task Job_FailsTwiceWithBackoffLimitOne_Failed()
    {
        var ns = await NewNamespaceAsync();
        await ApplyAsync(ns, await JobManifestAsync("bad", "exit 1", completions: 1, backoffLimit: 1));

        (await K.RunAsync(["wait", "--for=condition=failed", "job/bad", "-n", ns, "--timeout=60s"], null, Timeout)).EnsureSuccess();
        var job = await GetJsonAsync("job/bad", ns);
        Assert.Equal(2, (int?)job["status"]!["failed"]);
        Assert.Equal("BackoffLimitExceeded", (string?)job["status"]!["conditions"]!.AsArray().Single(c => (string?)c!["type"] == "Failed")!["reason"]);
    }

    [Fact]
    public async Task Job_PodsCarryTrackingFinalizerUntilCounted()
    {
        var ns = await NewNamespaceAsync();
        await ApplyAsync(ns, await JobManifestAsync("tracked", "sleep 3; echo done", completions: 1, backoffLimit: 6));

        var whileRunning = await Poll.UntilAsync(
            async () => (await K.RunAsync("get", "pods", "-n", ns, "-l", "job-name=tracked", "-o", "jsonpath={.items[*].metadata.finalizers}")).EnsureSuccess().StdOut is { Length: > 0 } f ? f : null,
            Timeout, () => "no pod of job/tracked yet");
        (await K.RunAsync(["wait", "--for=condition=complete", "job/tracked", "-n", ns, "--timeout=60s"], null, Timeout)).EnsureSuccess();
        var done = await GetJsonAsync("pods", ns);
        var job = await GetJsonAsync("job/tracked", ns);

        Assert.Equal("[\"batch.kubernetes.io/job-tracking\"]", whileRunning);
        var pod = Assert.Single(done["items"]!.AsArray());
        Assert.Equal("Succeeded", (string?)pod!["status"]!["phase"]);
        Assert.Null(pod["metadata"]!["finalizers"]);
        Assert.Equal(1, (int?)job["status"]!["succeeded"]);
        Assert.Empty(job["status"]!["uncountedTerminatedPods"]?["succeeded"]?.AsArray() ?? []);
    }

    [Fact]
    public async Task Job_RunningPodDeleted_CountedFailedAndReplaced()
    {
        var ns = await NewNamespaceAsync();
        await ApplyAsync(ns, await JobManifestAsync("victim", "sleep 3600", completions: 1, backoffLimit: 3));
        var first = await Poll.UntilAsync(
            async () => (await GetJsonAsync("pods", ns))["items"]!.AsArray().FirstOrDefault(p => (string?)p!["status"]?["phase"] == "Running")?["metadata"]?["name"]?.GetValue<string>(),
            Timeout, () => "no running pod of job/victim");

        // kubectl waits until the pod is gone, which needs the controller to count it and remove the finalizer.
        (await K.RunAsync(["delete", "pod", first, "-n", ns, "--timeout=60s"], null, Timeout)).EnsureSuccess();
        var replacement = await Poll.UntilAsync(
            async () => (await GetJsonAsync("pods", ns))["items"]!.AsArray().FirstOrDefault(p => (string?)p!["status"]?["phase"] == "Running")?["metadata"]?["name"]?.GetValue<string>(),
            Timeout, () => "no replacement pod");
        var job = await GetJsonAsync("job/victim", ns);

        Assert.NotEqual(first, replacement);
        Assert.Equal(1, (int?)job["status"]!["failed"]);
        Assert.Empty(job["status"]!["uncountedTerminatedPods"]?["failed"]?.AsArray() ?? []);
        Assert.Contains("NotFound", (await K.RunAsync("get", "pod", first, "-n", ns)).StdErr, StringComparison.Ordinal);
        Assert.Contains("batch.kubernetes.io/job-tracking",
            (await K.RunAsync("get", "pod", replacement, "-n", ns, "-o", "jsonpath={.metadata.finalizers}")).EnsureSuccess().StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Job_DeletedWhileRunning_PodsNotLeftStuckOnTheFinalizer()
    {
        var ns = await NewNamespaceAsync();
        await ApplyAsync(ns, await JobManifestAsync("doomed", "sleep 3600", completions: 1, backoffLimit: 3));
        await WaitForAsync(async () => (await GetJsonAsync("pods", ns))["items"]!.AsArray().Any(p => (string?)p!["status"]?["phase"] == "Running"));

        (await K.RunAsync(["delete", "job", "doomed", "-n", ns, "--timeout=60s"], null, Timeout)).EnsureSuccess();

        await WaitForAsync(async () => (await GetJsonAsync("pods", ns))["items"]!.AsArray().Count == 0);
    }

    [Fact]
    public async Task Job_BackoffLimitPerIndex_OneIndexAlwaysFails_FailedIndexes()
    {
        var ns = await NewNamespaceAsync();
        await ApplyAsync(ns, $$"""
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: per-index
            spec:
              completions: 3
              parallelism: 3
              completionMode: Indexed
              backoffLimitPerIndex: 1
              template:
                spec:
                  nodeName: {{await FirstNodeAsync()}}
                  restartPolicy: Never
                  containers:
                  - name: main
                    image: busybox
                    command:
                    - sh
                    - -c
                    - 'if [ "$JOB_COMPLETION_INDEX" = 1 ]; then exit 1; fi; echo ok'
            """);

        (await K.RunAsync(["wait", "--for=condition=failed", "job/per-index", "-n", ns, "--timeout=60s"], null, Timeout)).EnsureSuccess();
        var failedIndexes = (await K.RunAsync("get", "job", "per-index", "-n", ns, "-o", "jsonpath={.status.failedIndexes}")).EnsureSuccess().StdOut;
        var job = await GetJsonAsync("job/per-index", ns);
        var index1 = (await GetJsonAsync("pods", ns))["items"]!.AsArray()
            .Where(p => (string?)p!["metadata"]!["annotations"]?["batch.kubernetes.io/job-completion-index"] == "1")
            .Select(p => (string?)p!["metadata"]!["annotations"]!["batch.kubernetes.io/job-index-failure-count"])
            .Order(StringComparer.Ordinal);

        Assert.Equal("1", failedIndexes);
        Assert.Equal(("0,2", 2, 2), ((string?)job["status"]!["completedIndexes"], (int?)job["status"]!["succeeded"], (int?)job["status"]!["failed"]));
        var failed = job["status"]!["conditions"]!.AsArray().Single(c => (string?)c!["type"] == "Failed")!;
        Assert.Equal(("FailedIndexes", "Job has failed indexes"), ((string?)failed["reason"], (string?)failed["message"]));
        Assert.Equal(["0", "1"], index1);
    }

    [Fact]
    public async Task Job_PerIndexFieldsInvalid_RejectedByApplyWith422Causes()
    {
        var ns = await NewNamespaceAsync();

        var result = await K.RunAsync(["apply", "-n", ns, "-f", "-"], """
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: bad
            spec:
              completions: 2
              maxFailedIndexes: 3
              backoffLimitPerIndex: 1
              podReplacementPolicy: TerminatingOrFailed
              podFailurePolicy:
                rules:
                - action: FailIndex
                  onExitCodes:
                    operator: In
                    values: [1]
              template:
                spec:
                  restartPolicy: Never
                  containers:
                  - name: main
                    image: busybox
            """, Timeout);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("The Job \"bad\" is invalid", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("spec.backoffLimitPerIndex: Invalid value: 1: requires indexed completion mode", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("spec.maxFailedIndexes: Invalid value: 3: requires indexed completion mode", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("spec.podReplacementPolicy: Unsupported value: \"TerminatingOrFailed\": supported values: \"Failed\"", result.StdErr, StringComparison.Ordinal);
        Assert.Contains("NotFound", (await K.RunAsync("get", "job", "bad", "-n", ns)).StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Job_PodReplacementPolicyFailed_ReplacesOnlyOnceTheDeletedPodFailed()
    {
        var ns = await NewNamespaceAsync();
        await ApplyAsync(ns, $$"""
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: patient
            spec:
              backoffLimit: 3
              podReplacementPolicy: Failed
              template:
                metadata:
                  annotations:
                    fake.superkube.io/sigterm: ignore
                spec:
                  nodeName: {{await FirstNodeAsync()}}
                  restartPolicy: Never
                  terminationGracePeriodSeconds: 5
                  containers:
                  - name: main
                    image: busybox
                    command: ["sleep", "3600"]
            """);
        var first = await Poll.UntilAsync(
            async () => (await GetJsonAsync("pods", ns))["items"]!.AsArray().FirstOrDefault(p => (string?)p!["status"]?["phase"] == "Running")?["metadata"]?["name"]?.GetValue<string>(),
            Timeout, () => "no running pod of job/patient");

        (await K.RunAsync("delete", "pod", first, "-n", ns, "--wait=false")).EnsureSuccess();
        await WaitForAsync(async () => (int?)(await GetJsonAsync("job/patient", ns))["status"]?["terminating"] == 1);
        var whileTerminating = (await GetJsonAsync("pods", ns))["items"]!.AsArray().Select(p => (string?)p!["metadata"]!["name"]).ToList();
        var replacement = await Poll.UntilAsync(
            async () => (await GetJsonAsync("pods", ns))["items"]!.AsArray().FirstOrDefault(p => (string?)p!["metadata"]!["name"] != first)?["metadata"]?["name"]?.GetValue<string>(),
            Timeout, () => "no replacement pod");
        await WaitForAsync(async () => (await GetJsonAsync("job/patient", ns))["status"] is { } status && (int?)status["terminating"] == 0 && (int?)status["failed"] == 1);

        Assert.Equal([first], whileTerminating);
        Assert.NotEqual(first, replacement);
    }

    /// <summary>
    /// A real schedule would need up to a minute, so the job is started with <c>kubectl create job --from</c> (which
    /// makes it owned by the cron job); the controller must then track it and record its success. Scheduling itself
    /// is covered by the unit tests with a manual clock.
    /// </summary>
    [Fact]
    public async Task CronJob_JobFromCronJob_TrackedAndLastSuccessfulTimeSet()
    {
        var ns = await NewNamespaceAsync();
        var node = await FirstNodeAsync();
        await ApplyAsync(ns, $$"""
            apiVersion: batch/v1
            kind: CronJob
            metadata:
              name: nightly
            spec:
              schedule: "0 3 * * *"
              timeZone: Europe/Paris
              jobTemplate:
                spec:
                  template:
                    spec:
                      nodeName: {{node}}
                      restartPolicy: Never
                      containers:
                      - name: main
                        image: busybox
                        command: ["sh", "-c", "echo done"]
            """);

        (await K.RunAsync("create", "job", "manual", "--from=cronjob/nightly", "-n", ns)).EnsureSuccess();
        (await K.RunAsync(["wait", "--for=condition=complete", "job/manual", "-n", ns, "--timeout=60s"], null, Timeout)).EnsureSuccess();

        await WaitForAsync(async () => (await GetJsonAsync("cronjob/nightly", ns))["status"]?["lastSuccessfulTime"] is not null);
        Assert.Null((await GetJsonAsync("cronjob/nightly", ns))["status"]?["active"]);
    }

    private static List<string> Snapshot(List<string> list)
    {
        lock (list)
        {
            return [.. list];
        }
    }

    private static string StatefulSetManifest(int replicas) => $"""
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: web
        spec:
          replicas: {replicas}
          serviceName: web
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
              - name: nginx
                image: nginx:1.25
          volumeClaimTemplates:
          - metadata:
              name: data
            spec:
              accessModes: ["ReadWriteOnce"]
              resources:
                requests:
                  storage: 1Gi
        """;

    private static string DaemonSetManifest(string image) => $"""
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: agent
        spec:
          selector:
            matchLabels:
              app: agent
          template:
            metadata:
              labels:
                app: agent
            spec:
              containers:
              - name: main
                image: {image}
                command: ["sleep", "3600"]
        """;

    private async Task<string> JobManifestAsync(string name, string script, int completions, int backoffLimit) => $$"""
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: {{name}}
        spec:
          completions: {{completions}}
          backoffLimit: {{backoffLimit}}
          template:
            spec:
              nodeName: {{await FirstNodeAsync()}}
              restartPolicy: Never
              containers:
              - name: main
                image: busybox
                command: ["sh", "-c", "{{script}}"]
        """;

    private async Task<string> FirstNodeAsync() =>
        (await K.RunAsync("get", "nodes", "-o", "jsonpath={.items[0].metadata.name}")).EnsureSuccess().StdOut.Trim();

    private static List<string> Revisions(string history) =>
        [.. history.Split('\n').Skip(2).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()).OfType<string>()];

    private async Task<List<string>> PodNamesAsync(string ns) =>
        [.. (await GetJsonAsync("pods", ns))["items"]!.AsArray()
            .Where(p => p!["metadata"]!["deletionTimestamp"] is null)
            .Select(p => (string)p!["metadata"]!["name"]!).Order(StringComparer.Ordinal)];

    private async Task ApplyAsync(string ns, string manifest) =>
        (await K.RunAsync(["apply", "-n", ns, "-f", "-"], manifest, Timeout)).EnsureSuccess();

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

    /// <summary>
    /// Watches pods and returns their names in creation order, failing if a pod is created before every earlier
    /// one was Ready.
    /// </summary>
    private static async Task<List<string>> ReadyBeforeNextAsync(IKubernetesClient client, string ns, string fromRevision, int count, CancellationToken cancellationToken)
    {
        var created = new List<string>();
        var ready = new HashSet<string>();
        await foreach (var change in client.WatchAsync(ApiResource.Pods, ns, new ListOptions { ResourceVersion = fromRevision }, cancellationToken))
        {
            var name = (string)change.Object["metadata"]!["name"]!;
            if (change.Type == "ADDED" && !created.Contains(name))
            {
                Assert.True(created.All(ready.Contains), $"{name} was created before {string.Join(",", created.Where(c => !ready.Contains(c)))} was Ready");
                created.Add(name);
            }

            var conditions = change.Object["status"]?["conditions"] as System.Text.Json.Nodes.JsonArray;
            if (conditions?.Any(c => (string?)c!["type"] == "Ready" && (string?)c["status"] == "True") == true)
            {
                ready.Add(name);
            }

            if (created.Count == count && ready.Count == count)
            {
                return created;
            }
        }

        return created;
    }
}
