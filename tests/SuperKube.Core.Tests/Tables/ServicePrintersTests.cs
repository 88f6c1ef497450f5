namespace SuperKube.Tables.Tests;

public class ServicePrintersTests
{
    [Fact]
    public void Services_ClusterIP_ShowsNoneExternalAndPorts()
    {
        var cells = TableTestData.Cells(ServicePrinters.Services, """
            {"metadata":{"name":"web"},
             "spec":{"type":"ClusterIP","clusterIP":"10.96.0.10","clusterIPs":["10.96.0.10"],"selector":{"app":"web"},
               "ports":[{"port":80,"protocol":"TCP"},{"port":53,"protocol":"UDP"}]}}
            """);

        Assert.Equal("ClusterIP", cells["Type"]);
        Assert.Equal("10.96.0.10", cells["Cluster-IP"]);
        Assert.Equal("<none>", cells["External-IP"]);
        Assert.Equal("80/TCP,53/UDP", cells["Port(s)"]);
        Assert.Equal("app=web", cells["Selector"]);
    }

    [Fact]
    public void Services_NodePortWithExternalIPs_ShowsNodePortsAndIPs()
    {
        var cells = TableTestData.Cells(ServicePrinters.Services, """
            {"metadata":{"name":"web"},
             "spec":{"type":"NodePort","clusterIPs":["10.96.0.11"],"externalIPs":["1.2.3.4","5.6.7.8"],
               "ports":[{"port":80,"nodePort":30080,"protocol":"TCP"}]}}
            """);

        Assert.Equal("1.2.3.4,5.6.7.8", cells["External-IP"]);
        Assert.Equal("80:30080/TCP", cells["Port(s)"]);
        Assert.Equal("<none>", cells["Selector"]);
    }

    [Fact]
    public void Services_LoadBalancer_PendingUntilIngressThenSortedAddresses()
    {
        var pending = TableTestData.Cells(ServicePrinters.Services, """{"metadata":{"name":"lb"},"spec":{"type":"LoadBalancer"}}""");
        var ready = TableTestData.Cells(ServicePrinters.Services, """
            {"metadata":{"name":"lb"},"spec":{"type":"LoadBalancer","externalIPs":["9.9.9.9"]},
             "status":{"loadBalancer":{"ingress":[{"ip":"5.5.5.5"},{"hostname":"lb.example.com"},{"ip":"5.5.5.5"}]}}}
            """);

        Assert.Equal("<pending>", pending["External-IP"]);
        Assert.Equal("<none>", pending["Port(s)"]);
        Assert.Equal("<none>", pending["Cluster-IP"]);
        Assert.Equal("5.5.5.5,lb.example.com,9.9.9.9", ready["External-IP"]);
    }

    [Fact]
    public void Services_ExternalName_ShowsTheName()
    {
        var cells = TableTestData.Cells(ServicePrinters.Services, """
            {"metadata":{"name":"db"},"spec":{"type":"ExternalName","externalName":"db.example.com"}}
            """);

        Assert.Equal("db.example.com", cells["External-IP"]);
    }

    [Fact]
    public void Endpoints_ManyAddresses_ShowsFirstThreeAndCount()
    {
        var cells = TableTestData.Cells(ServicePrinters.Endpoints, """
            {"metadata":{"name":"web"},"subsets":[
              {"addresses":[{"ip":"10.0.0.1"},{"ip":"10.0.0.2"}],"ports":[{"port":80},{"port":443}]},
              {"addresses":[{"ip":"fd00::1"}],"ports":[{"port":8080}]}]}
            """);

        Assert.Equal("10.0.0.1:80,10.0.0.2:80,10.0.0.1:443 + 2 more...", cells["Endpoints"]);
    }

    [Fact]
    public void Endpoints_FewOrNone_ShowsAllOrNone()
    {
        var few = TableTestData.Cells(ServicePrinters.Endpoints, """
            {"metadata":{"name":"web"},"subsets":[{"addresses":[{"ip":"fd00::1"}],"ports":[{"port":8080}]},{"addresses":[{"ip":"10.0.0.9"}]}]}
            """);
        var none = TableTestData.Cells(ServicePrinters.Endpoints, """{"metadata":{"name":"web"}}""");

        Assert.Equal("[fd00::1]:8080,10.0.0.9", few["Endpoints"]);
        Assert.Equal("<none>", none["Endpoints"]);
    }

    [Fact]
    public void EndpointSlices_PortsAndAddresses_ListedWithUnsetWhenEmpty()
    {
        var cells = TableTestData.Cells(ServicePrinters.EndpointSlices, """
            {"metadata":{"name":"web-abc"},"addressType":"IPv4",
             "ports":[{"port":80},{"name":"metrics"},{}],
             "endpoints":[{"addresses":["10.0.0.1"]},{"addresses":["10.0.0.2","10.0.0.3","10.0.0.4"]}]}
            """);
        var empty = TableTestData.Cells(ServicePrinters.EndpointSlices, """{"metadata":{"name":"x"}}""");

        Assert.Equal("IPv4", cells["AddressType"]);
        Assert.Equal("80,metrics,*", cells["Ports"]);
        Assert.Equal("10.0.0.1,10.0.0.2,10.0.0.3 + 1 more...", cells["Endpoints"]);
        Assert.Equal("<unset>", empty["Ports"]);
        Assert.Equal("<unset>", empty["Endpoints"]);
    }
}
