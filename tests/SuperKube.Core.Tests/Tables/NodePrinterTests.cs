namespace SuperKube.Tables.Tests;

public class NodePrinterTests
{
    [Fact]
    public void Row_ReadyControlPlaneNode_ShowsReadyAndRole()
    {
        var cells = TableTestData.Cells(NodePrinter.Table, """
            {"metadata":{"name":"node-1","labels":{"node-role.kubernetes.io/control-plane":"","kubernetes.io/hostname":"node-1"}},
             "status":{"conditions":[{"type":"MemoryPressure","status":"False"},{"type":"Ready","status":"True"}],
               "addresses":[{"type":"Hostname","address":"node-1"},{"type":"InternalIP","address":"10.0.0.1"}],
               "nodeInfo":{"kubeletVersion":"v1.32.0","osImage":"Ubuntu 24.04","kernelVersion":"6.8.0","containerRuntimeVersion":""}}}
            """);

        Assert.Equal("Ready", cells["Status"]);
        Assert.Equal("control-plane", cells["Roles"]);
        Assert.Equal("v1.32.0", cells["Version"]);
        Assert.Equal("10.0.0.1", cells["Internal-IP"]);
        Assert.Equal("<none>", cells["External-IP"]);
        Assert.Equal("Ubuntu 24.04", cells["OS-Image"]);
        Assert.Equal("6.8.0", cells["Kernel-Version"]);
        Assert.Equal("<unknown>", cells["Container-Runtime"]);
    }

    [Fact]
    public void Row_NotReadyCordonedNode_AppendsSchedulingDisabled()
    {
        var cells = TableTestData.Cells(NodePrinter.Table, """
            {"metadata":{"name":"node-2"},"spec":{"unschedulable":true},
             "status":{"conditions":[{"type":"Ready","status":"Unknown"}]}}
            """);

        Assert.Equal("NotReady,SchedulingDisabled", cells["Status"]);
        Assert.Equal("<none>", cells["Roles"]);
    }

    [Fact]
    public void Row_NoReadyCondition_ShowsUnknown()
    {
        var cells = TableTestData.Cells(NodePrinter.Table, """{"metadata":{"name":"node-3"}}""");

        Assert.Equal("Unknown", cells["Status"]);
    }

    [Fact]
    public void Row_SeveralRoleLabels_SortedAndDeduplicated()
    {
        var cells = TableTestData.Cells(NodePrinter.Table, """
            {"metadata":{"name":"n","labels":{"node-role.kubernetes.io/worker":"","kubernetes.io/role":"infra",
              "node-role.kubernetes.io/infra":"true","node-role.kubernetes.io/":""}}}
            """);

        Assert.Equal("infra,worker", cells["Roles"]);
    }
}
