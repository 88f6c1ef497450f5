namespace SuperKube.Defaulting.Tests;

public sealed class AutoscalingDefaultsTests
{
    private const string Target = "\"scaleTargetRef\":{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"name\":\"web\"}";

    [Fact]
    public void Default_MinimalV2_GetsMinReplicasAndCpuMetric()
    {
        DefaultingAssert.Defaults("autoscaling", "HorizontalPodAutoscaler",
            """{"apiVersion":"autoscaling/v2","spec":{"maxReplicas":5,""" + Target + "}}",
            """
            {"apiVersion":"autoscaling/v2","spec":{"maxReplicas":5,
            """ + Target + """
            ,"minReplicas":1,
             "metrics":[{"type":"Resource","resource":{"name":"cpu","target":{"type":"Utilization","averageUtilization":80}}}]}}
            """);
    }

    [Fact]
    public void Default_V1_GetsMinReplicasOnly()
    {
        DefaultingAssert.Defaults("autoscaling", "HorizontalPodAutoscaler",
            """{"apiVersion":"autoscaling/v1","spec":{"maxReplicas":5}}""",
            """{"apiVersion":"autoscaling/v1","spec":{"maxReplicas":5,"minReplicas":1}}""");
    }

    [Fact]
    public void Default_PartialBehavior_FillsScalingRules()
    {
        var hpa = DefaultingAssert.Apply("autoscaling", "HorizontalPodAutoscaler",
            """
            {"spec":{"minReplicas":2,"maxReplicas":5,"metrics":[{"type":"Pods"}],
                     "behavior":{"scaleDown":{"stabilizationWindowSeconds":60}}}}
            """);

        DefaultingAssert.Equal(
            """
            {"minReplicas":2,"maxReplicas":5,"metrics":[{"type":"Pods"}],
             "behavior":{"scaleDown":{"stabilizationWindowSeconds":60,"selectPolicy":"Max",
                                      "policies":[{"type":"Percent","value":100,"periodSeconds":15}]},
                         "scaleUp":{"stabilizationWindowSeconds":0,"selectPolicy":"Max",
                                    "policies":[{"type":"Pods","value":4,"periodSeconds":15},
                                                {"type":"Percent","value":100,"periodSeconds":15}]}}}
            """,
            hpa["spec"]);
    }
}
