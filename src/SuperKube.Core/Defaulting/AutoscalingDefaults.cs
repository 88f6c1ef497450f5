using System.Text.Json.Nodes;
using static SuperKube.Defaulting.JsonDefaults;

namespace SuperKube.Defaulting;

/// <summary>
/// Defaults of HorizontalPodAutoscaler. autoscaling/v1 only defaults minReplicas; v2 also defaults the metrics (80%
/// average CPU utilization) and, when a behavior is given, fills its scale-up and scale-down rules.
/// </summary>
internal static class AutoscalingDefaults
{
    /// <summary>The CPU utilization target of an HPA without metrics.</summary>
    private const int DefaultCpuUtilization = 80;

    public static void HorizontalPodAutoscaler(JsonObject hpa)
    {
        var spec = Obj(hpa, "spec");
        SetIfMissing(spec, "minReplicas", 1);
        if (Str(hpa, "apiVersion") == "autoscaling/v1")
        {
            return;
        }

        if (!HasItems(spec, "metrics"))
        {
            spec["metrics"] = new JsonArray(new JsonObject
            {
                ["type"] = "Resource",
                ["resource"] = new JsonObject
                {
                    ["name"] = "cpu",
                    ["target"] = new JsonObject { ["type"] = "Utilization", ["averageUtilization"] = DefaultCpuUtilization },
                },
            });
        }

        if (Child(spec, "behavior") is { } behavior)
        {
            ScalingRules(Obj(behavior, "scaleUp"), stabilizationWindowSeconds: 0, ScaleUpPolicies);
            ScalingRules(Obj(behavior, "scaleDown"), stabilizationWindowSeconds: null, ScaleDownPolicies);
        }
    }

    // Scale up by at most 4 pods or 100% every 15 seconds, whichever is more, without a stabilization window.
    private static JsonArray ScaleUpPolicies() =>
    [
        new JsonObject { ["type"] = "Pods", ["value"] = 4, ["periodSeconds"] = 15 },
        new JsonObject { ["type"] = "Percent", ["value"] = 100, ["periodSeconds"] = 15 },
    ];

    // Scale down by at most 100% every 15 seconds; the window stays unset (the controller's flag decides it).
    private static JsonArray ScaleDownPolicies() =>
    [
        new JsonObject { ["type"] = "Percent", ["value"] = 100, ["periodSeconds"] = 15 },
    ];

    private static void ScalingRules(JsonObject rules, int? stabilizationWindowSeconds, Func<JsonArray> policies)
    {
        if (stabilizationWindowSeconds is { } seconds)
        {
            SetIfMissing(rules, "stabilizationWindowSeconds", seconds);
        }

        SetIfMissing(rules, "selectPolicy", "Max");
        SetIfMissing(rules, "policies", policies());
    }
}
