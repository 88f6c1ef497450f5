namespace SuperKube.Tables.Tests;

public class WorkloadPrintersTests
{
    private const string Template = """
        "template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"app","image":"nginx:1.27"},{"name":"log","image":"busybox"}]}}
        """;

    [Fact]
    public void Deployments_Row_ReadyTextAndIntegerCounts()
    {
        var cells = TableTestData.Cells(WorkloadPrinters.Deployments, $$"""
            {"metadata":{"name":"web"},
             "spec":{"replicas":3,"selector":{"matchLabels":{"app":"web"} },{{Template}}},
             "status":{"replicas":3,"readyReplicas":2,"updatedReplicas":3,"availableReplicas":2} }
            """);

        Assert.Equal("2/3", cells["Ready"]);
        Assert.Equal(3L, cells["Up-to-date"]);
        Assert.Equal(2L, cells["Available"]);
        Assert.Equal("app,log", cells["Containers"]);
        Assert.Equal("nginx:1.27,busybox", cells["Images"]);
        Assert.Equal("app=web", cells["Selector"]);
    }

    [Fact]
    public void Deployments_NoStatus_ZeroCountsAndEmptySelector()
    {
        var cells = TableTestData.Cells(WorkloadPrinters.Deployments, """{"metadata":{"name":"web"},"spec":{"replicas":2}}""");

        Assert.Equal("0/2", cells["Ready"]);
        Assert.Equal(0L, cells["Up-to-date"]);
        Assert.Equal("", cells["Selector"]);
    }

    [Fact]
    public void ReplicaSets_Row_IntegerCellsAndSelector()
    {
        var cells = TableTestData.Cells(WorkloadPrinters.ReplicaSets, $$"""
            {"metadata":{"name":"web-7d9c"},
             "spec":{"replicas":3,"selector":{"matchLabels":{"app":"web","pod-template-hash":"7d9c"} },{{Template}}},
             "status":{"replicas":3,"readyReplicas":1} }
            """);

        Assert.Equal(3L, cells["Desired"]);
        Assert.Equal(3L, cells["Current"]);
        Assert.Equal(1L, cells["Ready"]);
        Assert.Equal("app=web,pod-template-hash=7d9c", cells["Selector"]);
    }

    [Fact]
    public void ReplicationControllers_Row_LabelMapSelector()
    {
        var cells = TableTestData.Cells(WorkloadPrinters.ReplicationControllers, $$"""
            {"metadata":{"name":"rc"},"spec":{"replicas":1,"selector":{"app":"web"},{{Template}}},"status":{"replicas":1} }
            """);

        Assert.Equal(1L, cells["Desired"]);
        Assert.Equal(0L, cells["Ready"]);
        Assert.Equal("app=web", cells["Selector"]);
    }

    [Fact]
    public void StatefulSets_Row_ReadyOverDesired()
    {
        var cells = TableTestData.Cells(WorkloadPrinters.StatefulSets, $$"""
            {"metadata":{"name":"db"},"spec":{"replicas":3,{{Template}}},"status":{"readyReplicas":3} }
            """);

        Assert.Equal("3/3", cells["Ready"]);
        Assert.Equal("app,log", cells["Containers"]);
    }

    [Fact]
    public void DaemonSets_Row_CountsAndNodeSelector()
    {
        var cells = TableTestData.Cells(WorkloadPrinters.DaemonSets, """
            {"metadata":{"name":"agent"},
             "spec":{"selector":{"matchLabels":{"app":"agent"}},"template":{"spec":{"nodeSelector":{"kubernetes.io/os":"linux"},"containers":[]}}},
             "status":{"desiredNumberScheduled":2,"currentNumberScheduled":2,"numberReady":1,"updatedNumberScheduled":2,"numberAvailable":1}}
            """);

        Assert.Equal(2L, cells["Desired"]);
        Assert.Equal(1L, cells["Ready"]);
        Assert.Equal(1L, cells["Available"]);
        Assert.Equal("kubernetes.io/os=linux", cells["Node Selector"]);
        Assert.Equal("app=agent", cells["Selector"]);
    }

    [Fact]
    public void ControllerRevisions_Row_ControllerAsKindGroupName()
    {
        var cells = TableTestData.Cells(WorkloadPrinters.ControllerRevisions, """
            {"metadata":{"name":"db-5f8","ownerReferences":[
              {"apiVersion":"v1","kind":"Pod","name":"other"},
              {"apiVersion":"apps/v1","kind":"StatefulSet","name":"db","controller":true}]},
             "revision":4}
            """);

        Assert.Equal("statefulset.apps/db", cells["Controller"]);
        Assert.Equal(4L, cells["Revision"]);
    }
}
