using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using SuperKube.Client;
using SuperKube.Runtime.Containers;
using SuperKube.Runtime.Fake;
using SuperKube.Runtime.Tests;

namespace SuperKube.Runtime.Agent.Tests;

/// <summary>The pod lifecycle rules of <see cref="PodWorker"/>, against a real in-process API and the Fake runtime on virtual time.</summary>
public sealed class PodWorkerTests : IAsyncLifetime
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);
    private readonly ManualTimeProvider _time = new();
    private readonly FakeContainerRuntime _runtime;
    private TestCluster _cluster = null!;
    private PodWorkerContext _context = null!;

    public PodWorkerTests() => _runtime = new FakeContainerRuntime(_time);

    private IKubernetesClient Client => _cluster.Client;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _cluster = await TestCluster.StartAsync();
        _context = new PodWorkerContext
        {
            Client = _cluster.Client,
            Runtime = _runtime,
            Time = _time,
            Events = new PodEventRecorder(_cluster.Client, "node-1", _time, NullLogger.Instance),
            Ips = new PodIpAllocator("10.244.1.0/24"),
            NodeName = "node-1",
            HostIp = "10.0.0.1",
            RuntimeName = "fake",
            RootDirectory = "/var/lib/superkube-test",
            Logger = NullLogger.Instance,
        };
    }

    public async ValueTask DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task SyncAsync_InitContainers_RunOneAtATimeThenTheApp()
    {
        var worker = await CreateAsync("""
            {"initContainers":[{"name":"first","image":"busybox","command":["sh","-c","sleep 5"]},
                               {"name":"second","image":"busybox","command":["sh","-c","sleep 5"]}],
             "containers":[{"name":"app","image":"busybox","command":["sleep","3600"]}]}
            """);

        var s1 = await SyncAsync(worker);
        _time.Advance(TimeSpan.FromSeconds(5));
        var s2 = await SyncAsync(worker);
        _time.Advance(TimeSpan.FromSeconds(5));
        await SyncAsync(worker);
        var s3 = await SyncAsync(worker);

        Assert.Equal("Pending", Phase(s1));
        Assert.NotNull(Init(s1, 0)["state"]!["running"]);
        Assert.Equal("PodInitializing", (string?)Init(s1, 1)["state"]!["waiting"]!["reason"]);
        Assert.Equal("PodInitializing", (string?)App(s1)["state"]!["waiting"]!["reason"]);
        Assert.NotNull(Init(s2, 0)["state"]!["terminated"]);
        Assert.NotNull(Init(s2, 1)["state"]!["running"]);
        Assert.Equal("Running", Phase(s3));
        Assert.NotNull(App(s3)["state"]!["running"]);
        Assert.Equal("True", ConditionStatus(s3, "Initialized"));
        Assert.Equal("True", ConditionStatus(s3, "Ready"));
        Assert.StartsWith("10.244.1.", (string?)s3["status"]!["podIP"]);
    }

    [Fact]
    public async Task SyncAsync_CrashingContainer_RestartsThenBacksOffWithGrowingDelay()
    {
        var worker = await CreateAsync("""{"containers":[{"name":"app","image":"busybox","command":["sh","-c","echo boom; exit 2"]}]}""");

        await SyncAsync(worker);                        // started, exits at once
        var restarted = await SyncAsync(worker);        // first restart is immediate
        var backingOff = await SyncAsync(worker);       // second crash: 10 s back-off
        _time.Advance(TimeSpan.FromSeconds(9));
        var stillWaiting = await SyncAsync(worker);
        _time.Advance(TimeSpan.FromSeconds(1));
        var second = await SyncAsync(worker);           // restart #2
        var longer = await SyncAsync(worker);           // back-off now 20 s

        Assert.Equal(1, (int?)App(restarted)["restartCount"]);
        Assert.Equal("CrashLoopBackOff", (string?)App(backingOff)["state"]!["waiting"]!["reason"]);
        Assert.StartsWith("back-off 10s restarting failed container=app", (string?)App(backingOff)["state"]!["waiting"]!["message"]);
        Assert.Equal(2, (int?)App(backingOff)["lastState"]!["terminated"]!["exitCode"]);
        Assert.Equal("Running", Phase(backingOff));
        Assert.Equal(1, (int?)App(stillWaiting)["restartCount"]);
        Assert.Equal(2, (int?)App(second)["restartCount"]);
        Assert.StartsWith("back-off 20s", (string?)App(longer)["state"]!["waiting"]!["message"]);
        Assert.Contains("BackOff", await EventReasonsAsync());
    }

    [Fact]
    public async Task Run_BackoffTimerFiresJustBeforeItsDueTime_StillRestartsTheContainer()
    {
        // Timers run on a monotonic clock and may fire before the wall clock reaches their due time (here: 1 s early).
        var worker = await CreateAsync("""{"containers":[{"name":"app","image":"busybox","command":["sh","-c","exit 1"]}]}""");
        worker = new PodWorker(_context with { Time = new EarlyTimers(_time) }, PodSnapshot.From((await Client.GetAsync(ApiResource.Pods, "default", "p", Ct))!));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        worker.Start(stop.Token);
        await WaitForAsync(p => (string?)App(p)["state"]?["waiting"]?["reason"] == "CrashLoopBackOff");

        var restarted = await WaitForAsync(p => (int?)App(p)["restartCount"] >= 2, advance: TimeSpan.FromMilliseconds(500));

        Assert.Equal(2, (int?)App(restarted)["restartCount"]);
        await stop.CancelAsync();
        await worker.DisposeAsync();
    }

    [Theory]
    [InlineData("Never", "exit 1", "Failed", "Error")]
    [InlineData("Never", "exit 0", "Succeeded", "Completed")]
    [InlineData("OnFailure", "echo done", "Succeeded", "Completed")]
    public async Task SyncAsync_ContainerExitsWithoutRestart_PodIsTerminal(string policy, string script, string phase, string reason)
    {
        var worker = await CreateAsync($$"""{"restartPolicy":"{{policy}}","containers":[{"name":"app","image":"busybox","command":["sh","-c","{{script}}"]}]}""");

        await SyncAsync(worker);
        var status = await SyncAsync(worker);

        Assert.Equal(phase, Phase(status));
        Assert.Equal(reason, (string?)App(status)["state"]!["terminated"]!["reason"]);
        Assert.Equal(0, (int?)App(status)["restartCount"]);
    }

    [Fact]
    public async Task SyncAsync_GracefulDeletion_StopsContainersThenDeletesThePod()
    {
        var worker = await CreateAsync("""{"containers":[{"name":"app","image":"busybox","command":["sleep","3600"]}]}""");
        await SyncAsync(worker);
        var containerId = worker.ContainerIds("app").Current!;

        await Client.DeleteAsync(ApiResource.Pods, "default", "p", null, Ct);
        var deleting = await Client.GetAsync(ApiResource.Pods, "default", "p", Ct);
        var done = await SyncDoneAsync(worker);

        Assert.NotNull(deleting!["metadata"]!["deletionTimestamp"]);
        Assert.True(done);
        Assert.Null(await Client.GetAsync(ApiResource.Pods, "default", "p", Ct));
        Assert.Null(await _runtime.InspectContainerAsync(containerId, Ct));
        Assert.Contains("Killing", await EventReasonsAsync());
    }

    [Fact]
    public async Task SyncAsync_ProcessIgnoresSigterm_KilledWhenTheGracePeriodEnds()
    {
        var worker = await CreateAsync("""{"terminationGracePeriodSeconds":20,"containers":[{"name":"app","image":"busybox","command":["sleep","3600"]}]}""",
            new JsonObject { [FakeRuntimeAnnotations.Sigterm] = "ignore" });
        await SyncAsync(worker);
        var containerId = worker.ContainerIds("app").Current!;
        await Client.DeleteAsync(ApiResource.Pods, "default", "p", null, Ct);
        worker.Update(PodSnapshot.From((await Client.GetAsync(ApiResource.Pods, "default", "p", Ct))!));

        var sync = worker.SyncAsync(Ct);
        await _time.WaitForPendingTimersAsync(3).WaitAsync(Limit, Ct); // the resync, the process's sleep and the grace period
        var stillThere = await Client.GetAsync(ApiResource.Pods, "default", "p", Ct);
        var exitBeforeGrace = (await _runtime.InspectContainerAsync(containerId, Ct))!.State;
        _time.Advance(TimeSpan.FromSeconds(20));
        await sync.WaitAsync(Limit, Ct);

        Assert.NotNull(stillThere);
        Assert.Equal(ContainerState.Running, exitBeforeGrace);
        Assert.Null(await Client.GetAsync(ApiResource.Pods, "default", "p", Ct));
    }

    [Fact]
    public async Task SyncAsync_ReadinessProbeFails_NotReadyWithUnhealthyEvents()
    {
        var worker = await CreateAsync("""
            {"containers":[{"name":"app","image":"busybox","command":["sleep","3600"],
              "readinessProbe":{"tcpSocket":{"port":80},"periodSeconds":5,"failureThreshold":3}}]}
            """, new JsonObject { [FakeRuntimeAnnotations.Healthy] = "false" });

        await SyncAsync(worker);
        JsonObject status = null!;
        for (var i = 0; i < 3; i++)
        {
            status = await SyncAsync(worker);
            _time.Advance(TimeSpan.FromSeconds(5));
        }

        Assert.Equal("Running", Phase(status));
        Assert.Equal("False", ConditionStatus(status, "Ready"));
        Assert.False((bool?)App(status)["ready"]);
        Assert.Contains("Unhealthy", await EventReasonsAsync());
    }

    [Fact]
    public async Task SyncAsync_ReadinessProbePasses_Ready()
    {
        var worker = await CreateAsync("""
            {"containers":[{"name":"app","image":"nginx","ports":[{"name":"http","containerPort":8080}],
              "readinessProbe":{"httpGet":{"path":"/healthz","port":"http"},"periodSeconds":5}}]}
            """);

        var started = await SyncAsync(worker);
        var probed = await SyncAsync(worker);

        Assert.Equal("False", ConditionStatus(started, "Ready"));
        Assert.Equal("True", ConditionStatus(probed, "Ready"));
    }

    [Fact]
    public async Task SyncAsync_LivenessProbeFails_ContainerIsRestarted()
    {
        var worker = await CreateAsync("""
            {"containers":[{"name":"app","image":"busybox","command":["sh","-c","touch /tmp/alive; sleep 30; rm /tmp/alive; sleep 3600"],
              "livenessProbe":{"exec":{"command":["cat","/tmp/alive"]},"periodSeconds":10,"failureThreshold":1}}]}
            """);

        await SyncAsync(worker);
        var healthy = await SyncAsync(worker);
        _time.Advance(TimeSpan.FromSeconds(31));
        await SyncAsync(worker);                       // probe fails: killed
        var restarted = await SyncAsync(worker);

        Assert.Equal(0, (int?)App(healthy)["restartCount"]);
        Assert.Equal(1, (int?)App(restarted)["restartCount"]);
        Assert.Contains("Killing", await EventReasonsAsync());
        Assert.Contains("Unhealthy", await EventReasonsAsync());
    }

    [Fact]
    public async Task SyncAsync_MissingConfigMap_WaitsWithConfigErrorThenRunsWithTheValue()
    {
        var worker = await CreateAsync("""
            {"containers":[{"name":"app","image":"busybox","command":["sleep","3600"],
              "env":[{"name":"COLOR","valueFrom":{"configMapKeyRef":{"name":"settings","key":"color"}}},
                     {"name":"POD","valueFrom":{"fieldRef":{"fieldPath":"metadata.name"}}},
                     {"name":"GREETING","value":"hello $(POD)"}]}]}
            """);

        var waiting = await SyncAsync(worker);
        await Client.CreateAsync(ApiResource.ConfigMaps, "default",
            JsonNode.Parse("""{"metadata":{"name":"settings"},"data":{"color":"blue"}}""")!.AsObject(), Ct);
        var running = await SyncAsync(worker);

        Assert.Equal("CreateContainerConfigError", (string?)App(waiting)["state"]!["waiting"]!["reason"]);
        Assert.Equal("configmap \"settings\" not found", (string?)App(waiting)["state"]!["waiting"]!["message"]);
        Assert.NotNull(App(running)["state"]!["running"]);
        Assert.Equal("blue\n", await ExecAsync(worker, "printenv COLOR"));
        Assert.Equal("hello p\n", await ExecAsync(worker, "printenv GREETING"));
    }

    [Fact]
    public async Task SyncAsync_Volumes_ConfigMapSecretAndDownwardApiFilesAreMounted()
    {
        await Client.CreateAsync(ApiResource.ConfigMaps, "default", JsonNode.Parse("""{"metadata":{"name":"cfg"},"data":{"app.conf":"port=80"}}""")!.AsObject(), Ct);
        await Client.CreateAsync(ApiResource.Secrets, "default", JsonNode.Parse("""{"metadata":{"name":"creds"},"data":{"password":"czNjcjN0"}}""")!.AsObject(), Ct);
        var worker = await CreateAsync("""
            {"volumes":[{"name":"cfg","configMap":{"name":"cfg"}},{"name":"creds","secret":{"secretName":"creds"}},
                        {"name":"info","downwardAPI":{"items":[{"path":"labels","fieldRef":{"fieldPath":"metadata.labels"}}]}},
                        {"name":"scratch","emptyDir":{}}],
             "containers":[{"name":"app","image":"busybox","command":["sleep","3600"],
               "volumeMounts":[{"name":"cfg","mountPath":"/etc/app"},{"name":"creds","mountPath":"/secrets"},
                               {"name":"info","mountPath":"/etc/podinfo"},{"name":"scratch","mountPath":"/scratch"}]}]}
            """);

        await SyncAsync(worker);

        Assert.Equal("port=80", await ExecAsync(worker, "cat /etc/app/app.conf"));
        Assert.Equal("s3cr3t", await ExecAsync(worker, "cat /secrets/password"));
        Assert.Equal("app=\"demo\"", await ExecAsync(worker, "cat /etc/podinfo/labels"));
        Assert.Equal("", await ExecAsync(worker, "echo x > /scratch/f"));
        Assert.Equal("read-only\n", await ExecAsync(worker, "echo x > /etc/app/x || echo read-only"));
    }

    [Fact]
    public async Task SyncAsync_MissingConfigMapVolume_FailedMountEvent()
    {
        var worker = await CreateAsync("""
            {"volumes":[{"name":"cfg","configMap":{"name":"absent"}}],
             "containers":[{"name":"app","image":"busybox","command":["sleep","3600"],"volumeMounts":[{"name":"cfg","mountPath":"/etc/app"}]}]}
            """);

        var status = await SyncAsync(worker);

        Assert.Equal("ContainerCreating", (string?)App(status)["state"]!["waiting"]!["reason"]);
        Assert.Contains("FailedMount", await EventReasonsAsync());
    }

    [Fact]
    public async Task SyncAsync_ImageCannotBePulled_ErrImagePullThenImagePullBackOff()
    {
        var worker = await CreateAsync("""{"containers":[{"name":"app","image":"registry.invalid/app:1"}]}""");

        var first = await SyncAsync(worker);
        var second = await SyncAsync(worker);

        Assert.Equal("ErrImagePull", (string?)App(first)["state"]!["waiting"]!["reason"]);
        Assert.Equal("ImagePullBackOff", (string?)App(second)["state"]!["waiting"]!["reason"]);
        Assert.Equal("Pending", Phase(second));
        var reasons = await EventReasonsAsync();
        Assert.Contains("Failed", reasons);
        Assert.Contains("BackOff", reasons);
    }

    [Fact]
    public async Task MarkDeleted_AfterTheFinishedWorkerWasDisposed_DoesNotThrow()
    {
        // The agent looks a worker up for a DELETED event while the worker's own final delete has just disposed it.
        var worker = await CreateAsync("""{"containers":[{"name":"app","image":"busybox"}]}""");
        await worker.DisposeAsync();

        worker.MarkDeleted();
    }

    [Fact]
    public async Task SyncAsync_StatusUnchanged_WritesNothing()
    {
        var worker = await CreateAsync("""{"containers":[{"name":"app","image":"busybox","command":["sleep","3600"]}]}""");
        await SyncAsync(worker);
        var before = await Client.GetAsync(ApiResource.Pods, "default", "p", Ct);

        await SyncAsync(worker);
        var after = await Client.GetAsync(ApiResource.Pods, "default", "p", Ct);

        Assert.Equal((string?)before!["metadata"]!["resourceVersion"], (string?)after!["metadata"]!["resourceVersion"]);
    }

    private async Task<PodWorker> CreateAsync(string spec, JsonObject? annotations = null)
    {
        var specObject = JsonNode.Parse(spec)!.AsObject();
        specObject["nodeName"] = "node-1";
        var pod = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Pod",
            ["metadata"] = new JsonObject { ["name"] = "p", ["namespace"] = "default", ["labels"] = new JsonObject { ["app"] = "demo" }, ["annotations"] = annotations ?? [] },
            ["spec"] = specObject,
        };
        var created = await Client.CreateAsync(ApiResource.Pods, "default", pod, Ct);
        return new PodWorker(_context, PodSnapshot.From(created));
    }

    private async Task<JsonObject> SyncAsync(PodWorker worker)
    {
        worker.Update(PodSnapshot.From((await Client.GetAsync(ApiResource.Pods, "default", "p", Ct))!));
        await worker.SyncAsync(Ct).WaitAsync(Limit, Ct);
        return (await Client.GetAsync(ApiResource.Pods, "default", "p", Ct))!;
    }

    private async Task<bool> SyncDoneAsync(PodWorker worker)
    {
        worker.Update(PodSnapshot.From((await Client.GetAsync(ApiResource.Pods, "default", "p", Ct))!));
        return await worker.SyncAsync(Ct).WaitAsync(Limit, Ct);
    }

    /// <summary>Polls the pod until <paramref name="done"/> holds, moving virtual time by <paramref name="advance"/> between polls (at most 30 polls).</summary>
    private async Task<JsonObject> WaitForAsync(Func<JsonObject, bool> done, TimeSpan? advance = null)
    {
        for (var poll = 0; poll < 30; poll++)
        {
            var pod = (await Client.GetAsync(ApiResource.Pods, "default", "p", Ct))!;
            if (pod["status"]?["containerStatuses"] is not null && done(pod))
            {
                return pod;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), Ct);
            _time.Advance(advance ?? TimeSpan.Zero);
        }

        throw new TimeoutException("the pod never reached the expected state");
    }

    private sealed class EarlyTimers(TimeProvider inner) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            inner.CreateTimer(callback, state, dueTime > TimeSpan.FromSeconds(1) ? dueTime - TimeSpan.FromSeconds(1) : TimeSpan.Zero, period);
    }

    private async Task<string> ExecAsync(PodWorker worker, string script)
    {
        await using var session = await _runtime.ExecAsync(worker.ContainerIds("app").Current!, new ExecOptions { Command = ["sh", "-c", script] }, Ct);
        return await new StreamReader(session.Stdout!).ReadToEndAsync(Ct).WaitAsync(Limit, Ct);
    }

    private async Task<List<string>> EventReasonsAsync()
    {
        var events = await Client.ListAsync(ApiResource.Events, "default", null, Ct);
        return [.. events.Items.Select(e => (string?)e["reason"] ?? "")];
    }

    private static string? Phase(JsonObject pod) => (string?)pod["status"]!["phase"];

    private static JsonNode App(JsonObject pod) => pod["status"]!["containerStatuses"]![0]!;

    private static JsonNode Init(JsonObject pod, int index) => pod["status"]!["initContainerStatuses"]![index]!;

    private static string? ConditionStatus(JsonObject pod, string type) =>
        (string?)pod["status"]!["conditions"]!.AsArray().FirstOrDefault(c => (string?)c!["type"] == type)?["status"];
}
