using System.Text.Json.Nodes;
using static SuperKube.Tables.JsonValues;

namespace SuperKube.Tables;

/// <summary>The horizontal pod autoscaler table (autoscaling/v2 objects; v1's CPU target is read as a v2 metric).</summary>
internal static class AutoscalingPrinter
{
    private const int ShownMetrics = 2;

    /// <summary>Name, Reference, Targets, MinPods, MaxPods, Replicas, Age.</summary>
    public static readonly TableDefinition Table = new(
        [
            TableColumns.Name,
            TableColumns.Text("Reference", "Object being scaled, as kind/name."),
            TableColumns.Text("Targets", "Current and target value of each metric."),
            TableColumns.Text("MinPods", "Lower limit of replicas."),
            TableColumns.Text("MaxPods", "Upper limit of replicas."),
            TableColumns.Text("Replicas", "Current number of replicas."),
            TableColumns.Age,
        ],
        static (hpa, now) => [
            ObjectCells.Name(hpa),
            $"{Text(hpa, "spec", "scaleTargetRef", "kind")}/{Text(hpa, "spec", "scaleTargetRef", "name")}",
            Targets(hpa),
            IntOrNull(hpa, "spec", "minReplicas") is { } min ? $"{min}" : "<unset>",
            Int(hpa, "spec", "maxReplicas"),
            Int(hpa, "status", "currentReplicas"),
            ObjectCells.Age(hpa, now),
        ]);

    /// <summary>The Targets cell: <c>cpu: 40%/80%</c> per metric, at most two, then <c>+ N more...</c>.</summary>
    public static string Targets(JsonObject hpa)
    {
        var specs = ObjectList(hpa, "spec", "metrics");
        var statuses = ObjectList(hpa, "status", "currentMetrics");
        if (specs.Count == 0 && IntOrNull(hpa, "spec", "targetCPUUtilizationPercentage") is { } cpuTarget)
        {
            var current = IntOrNull(hpa, "status", "currentCPUUtilizationPercentage");
            return $"cpu: {(current is null ? "<unknown>" : $"{current}%")}/{cpuTarget}%";
        }

        if (specs.Count == 0)
        {
            return "<none>";
        }

        var texts = specs.Select((spec, i) => Metric(spec, i < statuses.Count ? statuses[i] : null)).ToList();
        var text = string.Join(", ", texts.Take(ShownMetrics));
        return texts.Count > ShownMetrics ? $"{text} + {texts.Count - ShownMetrics} more..." : text;
    }

    private static string Metric(JsonObject spec, JsonObject? status)
    {
        var source = Text(spec, "type") switch
        {
            "External" => "external",
            "Pods" => "pods",
            "Object" => "object",
            "Resource" => "resource",
            "ContainerResource" => "containerResource",
            _ => null,
        };
        if (source is null)
        {
            return "<unknown type>";
        }

        var target = Object(spec, source, "target");
        var current = Object(status, source, "current");
        var named = source is "resource" or "containerResource" ? Text(spec, source, "name") + ": " : "";
        if (source == "pods" || Str(target, "averageValue") is not null)
        {
            var suffix = source is "external" or "object" ? " (avg)" : "";
            return $"{named}{Quantity(current, "averageValue")}/{Quantity(target, "averageValue")}{suffix}";
        }

        if (named.Length == 0)
        {
            return $"{Quantity(current, "value")}/{Quantity(target, "value")}";
        }

        var currentPercent = IntOrNull(current, "averageUtilization") is { } used ? $"{used}%" : "<unknown>";
        var targetPercent = IntOrNull(target, "averageUtilization") is { } wanted ? $"{wanted}%" : "<auto>";
        return $"{named}{currentPercent}/{targetPercent}";
    }

    private static string Quantity(JsonObject? metric, string field) => Str(metric, field) ?? "<unknown>";
}
