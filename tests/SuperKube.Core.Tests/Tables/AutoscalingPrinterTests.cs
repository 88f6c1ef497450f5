namespace SuperKube.Tables.Tests;

public class AutoscalingPrinterTests
{
    [Fact]
    public void HorizontalPodAutoscalers_Row_TargetsAndReplicas()
    {
        var cells = TableTestData.Cells(AutoscalingPrinter.Table, """
            {"metadata":{"name":"web"},
             "spec":{"scaleTargetRef":{"kind":"Deployment","name":"web"},"minReplicas":1,"maxReplicas":5,
               "metrics":[{"type":"Resource","resource":{"name":"cpu","target":{"type":"Utilization","averageUtilization":80}}},
                          {"type":"Resource","resource":{"name":"memory","target":{"type":"AverageValue","averageValue":"500Mi"}}},
                          {"type":"Pods","pods":{"metric":{"name":"qps"},"target":{"type":"AverageValue","averageValue":"10"}}}]},
             "status":{"currentReplicas":2,"currentMetrics":[{"type":"Resource","resource":{"name":"cpu","current":{"averageUtilization":35}}}]}}
            """);

        Assert.Equal("Deployment/web", cells["Reference"]);
        Assert.Equal("cpu: 35%/80%, memory: <unknown>/500Mi + 1 more...", cells["Targets"]);
        Assert.Equal("1", cells["MinPods"]);
        Assert.Equal(5L, cells["MaxPods"]);
        Assert.Equal(2L, cells["Replicas"]);
    }
}
