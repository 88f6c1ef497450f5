using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using SuperKube.Client;
using SuperKube.Model.Core;
using SuperKube.Scheduling.Cache;
using SuperKube.Scheduling.Framework;
using SuperKube.Scheduling.Plugins;
using SuperKube.Scheduling.Queue;

namespace SuperKube.Scheduling.Tests;

/// <summary>Builds nodes, pods, caches and frameworks for scheduler tests from compact JSON.</summary>
internal static class SchedulingTestData
{
    private static int _uid;

    /// <summary>A node with 4 CPUs, 8Gi and room for 110 pods unless <paramref name="allocatable"/> says otherwise.</summary>
    public static Node Node(string name, string? labels = null, string? spec = null, string? allocatable = null, string? images = null)
    {
        var alloc = allocatable ?? """{"cpu":"4","memory":"8Gi","pods":"110"}""";
        var json = JsonNode.Parse($$$"""
            {"apiVersion":"v1","kind":"Node","metadata":{"name":"{{{name}}}","labels":{{{labels ?? "{}"}}}},
             "spec":{{{spec ?? "{}"}}},
             "status":{"allocatable":{{{alloc}}},"images":{{{images ?? "[]"}}}}}
            """)!.AsObject();
        return KubernetesClientExtensions.FromJson<Node>(json);
    }

    /// <summary>A pod in namespace "default" with one container requesting <paramref name="requests"/> and the extra spec fields.</summary>
    public static PodInfo Pod(string name, string? spec = null, string? labels = null, string requests = "{}", string? node = null, int? priority = null, string ns = "default")
    {
        var uid = $"uid-{name}-{Interlocked.Increment(ref _uid)}";
        var json = JsonNode.Parse($$$"""
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"{{{name}}}","namespace":"{{{ns}}}","uid":"{{{uid}}}","labels":{{{labels ?? "{}"}}}},
             "spec":{"containers":[{"name":"c","image":"busybox","resources":{"requests":{{{requests}}}}}]}}
            """)!.AsObject();
        var specObj = json["spec"]!.AsObject();
        if (spec is not null)
        {
            foreach (var (key, value) in JsonNode.Parse(spec)!.AsObject())
            {
                specObj[key] = value?.DeepClone();
            }
        }

        if (node is not null)
        {
            specObj["nodeName"] = node;
        }

        if (priority is not null)
        {
            specObj["priority"] = priority;
        }

        return PodInfo.FromJson(json, null);
    }

    public static SchedulerCache Snapshot(params Node[] nodes)
    {
        var cache = new SchedulerCache();
        foreach (var node in nodes)
        {
            cache.SetNode(node);
        }

        return cache;
    }

    public static CycleState State(ISchedulerSnapshot snapshot, SchedulingFramework? framework = null) => new(snapshot) { Framework = framework };

    public static IOptionsMonitor<T> Args<T>(T value) where T : class => new StaticOptions<T>(value);

    /// <summary>A framework with the default plugins that need no API (no preemption or binder).</summary>
    public static SchedulingFramework DefaultFramework(PodNominator? nominator = null, params ISchedulerPlugin[] extra) => new(
        "default-scheduler",
        [
            new SchedulingGates(), new PrioritySort(), new NodeUnschedulable(), new NodeName(), new TaintToleration(), new Plugins.NodeAffinity(), new NodePorts(),
            new NodeResourcesFit(Args(new NodeResourcesFitArgs())), new PodTopologySpread(), new InterPodAffinity(Args(new InterPodAffinityArgs())),
            new NodeResourcesBalancedAllocation(Args(new NodeResourcesBalancedAllocationArgs())), new ImageLocality(), .. extra,
        ],
        new Dictionary<string, int> { [PluginNames.TaintToleration] = 3, [PluginNames.NodeAffinity] = 2, [PluginNames.PodTopologySpread] = 2, [PluginNames.InterPodAffinity] = 2 },
        nominator ?? new PodNominator(),
        parallelism: 1);

    /// <summary>Runs PreFilter then Filter of one plugin for a node; a PreFilter Skip counts as success.</summary>
    public static SchedulingStatus Filter(IFilterPlugin plugin, ISchedulerSnapshot snapshot, PodInfo pod, string node)
    {
        var state = State(snapshot);
        if (plugin is IPreFilterPlugin pre)
        {
            var status = pre.PreFilter(state, pod);
            if (status.Code == SchedulingStatusCode.Skip)
            {
                return SchedulingStatus.Success;
            }

            if (!status.IsSuccess)
            {
                return status;
            }
        }

        return plugin.Filter(state, pod, snapshot.GetNode(node)!);
    }

    /// <summary>Runs PreScore, Score and NormalizeScore of one plugin over the snapshot's nodes; a Skip gives every node 0.</summary>
    public static Dictionary<string, long> Scores(IScorePlugin plugin, ISchedulerSnapshot snapshot, PodInfo pod)
    {
        var state = State(snapshot);
        var nodes = snapshot.Nodes;
        if (plugin is IPreScorePlugin pre && pre.PreScore(state, pod, nodes).Code == SchedulingStatusCode.Skip)
        {
            return nodes.ToDictionary(n => n.Name, _ => 0L);
        }

        var scores = nodes.Select(n => new NodeScore(n, plugin.Score(state, pod, n))).ToArray();
        plugin.NormalizeScore(state, pod, scores);
        return scores.ToDictionary(s => s.Node.Name, s => s.Score);
    }

    private sealed class StaticOptions<T>(T value) : IOptionsMonitor<T>
    {
        public T CurrentValue => value;

        public T Get(string? name) => value;

        public IDisposable? OnChange(Action<T, string?> listener) => null;
    }
}
