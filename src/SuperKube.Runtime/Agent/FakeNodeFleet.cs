using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SuperKube.Client;
using SuperKube.Runtime.Diagnostics;
using SuperKube.Runtime.Fake;

namespace SuperKube.Runtime.Agent;

/// <summary>
/// Many simulated nodes in this process (the role kwok plays): each has its own Fake runtime, capacity, labels and
/// zone; their heartbeats share one <see cref="HeartbeatScheduler"/> and their pods come from one watch of all bound
/// pods, dispatched by node name.
/// </summary>
internal sealed partial class FakeNodeFleet(
    IOptions<FakeNodesOptions> options,
    IOptions<FakeRuntimeOptions> runtimeOptions,
    IKubernetesClient client,
    HeartbeatScheduler heartbeats,
    TimeProvider time,
    ILogger<FakeNodeFleet> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<string, NodeAgent> _agents = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once every node is registered.</summary>
    public Task Started => _started.Task;

    public IReadOnlyCollection<NodeAgent> Agents => [.. _agents.Values];

    /// <summary>Node <paramref name="index"/>'s settings (from 1): name, zone, a /24 in 10.128.0.0/9, address in 10.200.0.0/16.</summary>
    public static NodeAgentOptions NodeOptions(FakeNodesOptions fleet, int index)
    {
        var node = new NodeAgentOptions
        {
            NodeName = fleet.NamePrefix + index.ToString(CultureInfo.InvariantCulture),
            Cpu = fleet.Cpu,
            Memory = fleet.Memory,
            MaxPods = fleet.MaxPods,
            Zone = fleet.Zones.Count > 0 ? fleet.Zones[(index - 1) % fleet.Zones.Count] : null,
            PodCidr = $"10.{128 + (index >> 8)}.{index & 0xff}.0/24",
            Address = $"10.200.{index >> 8}.{index & 0xff}",
            HeartbeatInterval = fleet.HeartbeatInterval,
            LeaseDuration = fleet.HeartbeatInterval * 4,
        };
        foreach (var (key, value) in fleet.Labels)
        {
            node.Labels[key] = value;
        }

        return node;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var fleet = options.Value;
        try
        {
            await Parallel.ForEachAsync(Enumerable.Range(1, fleet.Count), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = stoppingToken },
                async (i, ct) =>
                {
                    var agent = new NodeAgent(NodeOptions(fleet, i), client, new FakeContainerRuntime(time, runtimeOptions), heartbeats, time, logger);
                    await agent.StartWithRetryAsync(ct).ConfigureAwait(false);
                    _agents[agent.NodeName] = agent;
                }).ConfigureAwait(false);
            Log.Started(logger, fleet.Count);
            _started.TrySetResult();
            await ResourceWatchLoop.RunAsync(client, ApiResource.Pods, "spec.nodeName!=", OnList, OnEvent, time, logger, stoppingToken).ConfigureAwait(false);
        }
        finally
        {
            foreach (var agent in _agents.Values)
            {
                await agent.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private void OnList(IReadOnlyList<JsonObject> pods)
    {
        var byNode = pods.Select(PodSnapshot.From).GroupBy(NodeOf).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var (name, agent) in _agents)
        {
            agent.OnPodsListed(byNode.TryGetValue(name, out var mine) ? mine : []);
        }
    }

    private void OnEvent(WatchEvent e)
    {
        var pod = PodSnapshot.From(e);
        if (_agents.TryGetValue(NodeOf(pod), out var agent))
        {
            agent.OnPodEvent(e.Type, pod);
        }
    }

    private static string NodeOf(PodSnapshot pod) => pod.Pod.Spec?.NodeName ?? "";

    private static partial class Log
    {
        [LoggerMessage(RuntimeEventIds.FakeNodes, LogLevel.Information, "{Count} fake nodes registered")]
        public static partial void Started(ILogger logger, int count);
    }
}
