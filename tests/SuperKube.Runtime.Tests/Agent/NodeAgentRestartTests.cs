using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using SuperKube.Client;
using SuperKube.Resources;
using SuperKube.Runtime.Containers;
using SuperKube.Runtime.Fake;
using SuperKube.Runtime.Tests;

namespace SuperKube.Runtime.Agent.Tests;

/// <summary>
/// Restart safety of <see cref="NodeAgent"/>: a new agent on the same runtime adopts the containers the previous one
/// left running (no duplicates, restart counts kept) and removes those of pods deleted while it was down.
/// </summary>
public sealed class NodeAgentRestartTests : IAsyncLifetime
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);
    private readonly ManualTimeProvider _time = new();
    private readonly FakeContainerRuntime _runtime;
    private TestCluster _cluster = null!;

    public NodeAgentRestartTests() => _runtime = new FakeContainerRuntime(_time);

    private IKubernetesClient Client => _cluster.Client;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _cluster = await TestCluster.StartAsync();

    public async ValueTask DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Restart_PodsStillExist_AdoptsTheirContainersWithoutDuplicates()
    {
        var first = await StartAgentAsync();
        await CreatePodAsync("web", """["sleep", "3600"]""");
        first.OnPodsListed(await PodsAsync());
        var running = await WaitForPodAsync("web", p => (string?)p["status"]?["phase"] == "Running");
        var before = await ContainersOfAsync(running);
        await first.DisposeAsync();

        var second = await StartAgentAsync();
        second.OnPodsListed(await PodsAsync());
        await WaitForWorkerAsync(second, running);
        var after = await ContainersOfAsync(running);
        await second.DisposeAsync();

        var container = Assert.Single(before);
        Assert.Equal([container.Id], after.Select(c => c.Id));
        Assert.Equal(ContainerState.Running, after[0].State);
    }

    [Fact]
    public async Task Restart_PodDeletedWhileDown_RemovesItsContainers()
    {
        var first = await StartAgentAsync();
        await CreatePodAsync("gone", """["sleep", "3600"]""");
        first.OnPodsListed(await PodsAsync());
        var running = await WaitForPodAsync("gone", p => (string?)p["status"]?["phase"] == "Running");
        await first.DisposeAsync();
        await Client.DeleteAsync(ApiResource.Pods, "default", "gone", new DeleteOptions { GracePeriodSeconds = 0 }, Ct);

        var second = await StartAgentAsync();
        second.OnPodsListed(await PodsAsync());
        var left = await PollAsync(async () => await ContainersOfAsync(running) is { Count: 0 } none ? none : null);
        await second.DisposeAsync();

        Assert.Empty(left);
    }

    [Fact]
    public async Task Restart_CrashingContainer_KeepsItsRestartCount()
    {
        var first = await StartAgentAsync();
        await CreatePodAsync("crash", """["sh", "-c", "exit 1"]""");
        first.OnPodsListed(await PodsAsync());
        await WaitForPodAsync("crash", p => (string?)p["status"]?["containerStatuses"]?[0]?["state"]?["waiting"]?["reason"] == "CrashLoopBackOff");
        await first.DisposeAsync();

        var second = await StartAgentAsync();
        second.OnPodsListed(await PodsAsync());
        string? advancedAt = null;
        var restarted = await PollAsync(async () =>
        {
            _time.Advance(TimeSpan.Zero); // fires a wake-up the worker set only after the clock last moved
            var pod = (await Client.GetAsync(ApiResource.Pods, "default", "crash", Ct))!;
            var status = pod["status"]?["containerStatuses"]?[0];
            if ((int?)status?["restartCount"] >= 2)
            {
                return pod;
            }

            // Move the clock past the back-off the status reports ("back-off 20s restarting ..."), once per status
            // written: advancing again before the restart shows up could run past the next back-off as well.
            var rv = (string?)pod["metadata"]?["resourceVersion"];
            if ((string?)status?["state"]?["waiting"]?["reason"] == "CrashLoopBackOff" && rv != advancedAt)
            {
                advancedAt = rv;
                _time.Advance(BackOff((string?)status?["state"]?["waiting"]?["message"]) + TimeSpan.FromSeconds(1));
            }

            return null;
        });
        var instances = await ContainersOfAsync(restarted);
        await second.DisposeAsync();

        // The count goes on from what the first agent reported (1, in back-off); it never starts over at 0, and the
        // adopted loop waits out its back-off instead of restarting twice in a row.
        Assert.Equal(2, (int?)restarted["status"]!["containerStatuses"]![0]!["restartCount"]);
        Assert.True(instances.Count <= 2, $"{instances.Count} instances kept; only the current and the previous one should be");
    }

    [Fact]
    public async Task Restart_CrashLoopInBackOff_AdoptedLoopWaitsTheRemainingBackOff()
    {
        var first = await StartAgentAsync();
        await CreatePodAsync("loop", """["sh", "-c", "exit 1"]""");
        first.OnPodsListed(await PodsAsync());
        var backingOff = await WaitForPodAsync("loop", p => (string?)p["status"]?["containerStatuses"]?[0]?["state"]?["waiting"]?["reason"] == "CrashLoopBackOff");
        var before = await ContainersOfAsync(backingOff);
        await first.DisposeAsync();
        var backOffEvents = await BackOffEventsAsync();
        _time.Advance(TimeSpan.FromSeconds(4));

        var second = await StartAgentAsync();
        second.OnPodsListed(await PodsAsync());
        await PollAsync(async () => await BackOffEventsAsync() > backOffEvents ? backingOff : null);
        var waiting = (await Client.GetAsync(ApiResource.Pods, "default", "loop", Ct))!;
        var during = await ContainersOfAsync(waiting);
        _time.Advance(TimeSpan.FromSeconds(6));
        var restarted = await PollAsync(async () =>
        {
            _time.Advance(TimeSpan.Zero); // fires a wake-up the worker set only after the clock last moved
            return await Client.GetAsync(ApiResource.Pods, "default", "loop", Ct) is { } p && (int?)p["status"]?["containerStatuses"]?[0]?["restartCount"] >= 2 ? p : null;
        });
        await second.DisposeAsync();

        // Restarted once by the first agent, then in back-off for 10 s: the second agent restarts it only when that
        // has passed (4 s while no agent ran, 6 s under the second), not the moment it takes over.
        Assert.Equal(1, (int?)backingOff["status"]!["containerStatuses"]![0]!["restartCount"]);
        Assert.Equal(1, (int?)waiting["status"]!["containerStatuses"]![0]!["restartCount"]);
        Assert.Equal(before.Select(c => c.Id).Order(), during.Select(c => c.Id).Order());
        Assert.Equal(2, (int?)restarted["status"]!["containerStatuses"]![0]!["restartCount"]);
    }

    private async Task<NodeAgent> StartAgentAsync()
    {
        var options = new NodeAgentOptions { NodeName = "node-1", PodCidr = "10.244.1.0/24", Address = "10.0.0.1", RootDirectory = Path.Combine(Path.GetTempPath(), "superkube-restart-test") };
        var agent = new NodeAgent(options, Client, _runtime, new HeartbeatScheduler(_time, NullLogger<HeartbeatScheduler>.Instance), _time, NullLogger.Instance);
        await agent.StartAsync(Ct);
        return agent;
    }

    private async Task CreatePodAsync(string name, string command)
    {
        var pod = JsonNode.Parse($$$"""
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"{{{name}}}","namespace":"default"},
             "spec":{"nodeName":"node-1","containers":[{"name":"app","image":"busybox:1.36","command":{{{command}}}}]}}
            """)!.AsObject();
        await Client.CreateAsync(ApiResource.Pods, "default", pod, Ct);
    }

    private async Task<List<JsonObject>> PodsAsync() => [.. (await Client.ListAsync(ApiResource.Pods, "default", null, Ct)).Items];

    private async Task<List<ContainerInfo>> ContainersOfAsync(JsonObject pod) =>
        [.. await _runtime.ListContainersAsync(new Dictionary<string, string> { [ContainerLabels.PodUid] = (string)pod["metadata"]!["uid"]! }, Ct)];

    /// <summary>How often a BackOff event was reported for the pods (the sum of the events' counts).</summary>
    private async Task<int> BackOffEventsAsync() =>
        (await Client.ListAsync(ApiResource.Events, "default", null, Ct)).Items
            .Where(e => (string?)e["reason"] == "BackOff")
            .Sum(e => (int?)e["count"] ?? 1);

    private Task<JsonObject> WaitForPodAsync(string name, Func<JsonObject, bool> done) =>
        PollAsync(async () => await Client.GetAsync(ApiResource.Pods, "default", name, Ct) is { } pod && done(pod) ? pod : null);

    private static Task WaitForWorkerAsync(NodeAgent agent, JsonObject pod) =>
        PollAsync(() => Task.FromResult(agent.Worker((string)pod["metadata"]!["uid"]!)?.SandboxId is not null ? pod : null));

    /// <summary>The delay in a CrashLoopBackOff message such as <c>back-off 1m20s restarting failed container=…</c>.</summary>
    private static TimeSpan BackOff(string? message)
    {
        var match = System.Text.RegularExpressions.Regex.Match(message ?? "", @"back-off (?:(\d+)m)?(?:(\d+)s)?");
        int Part(int group) => match.Groups[group].Success ? int.Parse(match.Groups[group].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        return match.Success ? TimeSpan.FromMinutes(Part(1)) + TimeSpan.FromSeconds(Part(2)) : TimeSpan.FromSeconds(10);
    }

    private static async Task<T> PollAsync<T>(Func<Task<T?>> probe)
        where T : class
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        deadline.CancelAfter(Limit);
        while (true)
        {
            if (await probe() is { } result)
            {
                return result;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), deadline.Token);
        }
    }
}
