using System.Text.Json.Nodes;

namespace SuperKube.Benchmarks;

/// <summary>
/// A workload modelled on kube-scheduler's scheduler_perf: nodes with 4 CPUs, 32Gi and 110 pods, labelled with
/// a hostname and one of three zones; pods requesting 100m CPU and 500Mi, shaped per workload.
/// </summary>
internal sealed record SchedulerWorkload(string Name, Func<int, JsonObject> PodSpec)
{
    public static readonly SchedulerWorkload Basic = new("SchedulingBasic", _ => Spec());

    /// <summary>Required anti-affinity by hostname against pods of the same colour (four colours).</summary>
    public static readonly SchedulerWorkload AntiAffinity = new("SchedulingPodAntiAffinity", i =>
    {
        var spec = Spec();
        spec["affinity"] = JsonNode.Parse($$$"""
            {"podAntiAffinity":{"requiredDuringSchedulingIgnoredDuringExecution":[
              {"labelSelector":{"matchLabels":{"color":"{{{Color(i)}}}"}},"topologyKey":"kubernetes.io/hostname"}]}}
            """);
        return spec;
    });

    /// <summary>Spread by zone with maxSkew 1, DoNotSchedule.</summary>
    public static readonly SchedulerWorkload TopologySpread = new("TopologySpreading", _ =>
    {
        var spec = Spec();
        spec["topologySpreadConstraints"] = JsonNode.Parse("""
            [{"maxSkew":1,"topologyKey":"topology.kubernetes.io/zone","whenUnsatisfiable":"DoNotSchedule","labelSelector":{"matchLabels":{"app":"spread"}}}]
            """);
        return spec;
    });

    public static IReadOnlyList<SchedulerWorkload> All { get; } = [Basic, AntiAffinity, TopologySpread];

    public static SchedulerWorkload Named(string name) => name switch
    {
        "basic" => Basic,
        "anti-affinity" => AntiAffinity,
        "spread" => TopologySpread,
        _ => throw new ArgumentException($"unknown workload {name}: basic, anti-affinity, spread or all"),
    };

    public static string Color(int i) => $"c{i % 4}";

    public static JsonObject Node(int i) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Node",
        ["metadata"] = new JsonObject
        {
            ["name"] = $"node-{i}",
            ["labels"] = new JsonObject { ["kubernetes.io/hostname"] = $"node-{i}", ["topology.kubernetes.io/zone"] = $"moon-{i % 3}" },
        },
        ["status"] = new JsonObject
        {
            ["capacity"] = new JsonObject { ["cpu"] = "4", ["memory"] = "32Gi", ["pods"] = "110" },
            ["allocatable"] = new JsonObject { ["cpu"] = "4", ["memory"] = "32Gi", ["pods"] = "110" },
            ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Ready", ["status"] = "True" }),
        },
    };

    public JsonObject Pod(int i, string ns) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Pod",
        ["metadata"] = new JsonObject
        {
            ["name"] = $"pod-{i}",
            ["namespace"] = ns,
            ["labels"] = new JsonObject { ["app"] = "spread", ["color"] = Color(i) },
        },
        ["spec"] = PodSpec(i),
    };

    private static JsonObject Spec() => new()
    {
        ["containers"] = new JsonArray(new JsonObject
        {
            ["name"] = "pause",
            ["image"] = "registry.k8s.io/pause:3.10",
            ["resources"] = new JsonObject { ["requests"] = new JsonObject { ["cpu"] = "100m", ["memory"] = "500Mi" } },
        }),
    };
}
