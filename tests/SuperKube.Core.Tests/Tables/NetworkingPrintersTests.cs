namespace SuperKube.Tables.Tests;

public class NetworkingPrintersTests
{
    [Fact]
    public void Ingresses_Row_ClassHostsAddressPorts()
    {
        var cells = TableTestData.Cells(NetworkingPrinters.Ingresses, """
            {"metadata":{"name":"web"},
             "spec":{"ingressClassName":"nginx","tls":[{"hosts":["a.example.com"]}],
               "rules":[{"host":"a.example.com"},{},{"host":"b.example.com"},{"host":"c.example.com"},{"host":"d.example.com"}]},
             "status":{"loadBalancer":{"ingress":[{"ip":"5.5.5.5"}]}}}
            """);

        Assert.Equal("nginx", cells["Class"]);
        Assert.Equal("a.example.com,b.example.com,c.example.com + 2 more...", cells["Hosts"]);
        Assert.Equal("5.5.5.5", cells["Address"]);
        Assert.Equal("80, 443", cells["Ports"]);
    }

    [Fact]
    public void Ingresses_NoHostsNoClass_ShowsStarAndNone()
    {
        var cells = TableTestData.Cells(NetworkingPrinters.Ingresses, """
            {"metadata":{"name":"web"},"spec":{"rules":[{"http":{}}]}}
            """);

        Assert.Equal("<none>", cells["Class"]);
        Assert.Equal("*", cells["Hosts"]);
        Assert.Equal("", cells["Address"]);
        Assert.Equal("80", cells["Ports"]);
    }

    [Fact]
    public void IngressClasses_Parameters_KindGroupName()
    {
        var cells = TableTestData.Cells(NetworkingPrinters.IngressClasses, """
            {"metadata":{"name":"nginx"},"spec":{"controller":"k8s.io/ingress-nginx",
              "parameters":{"apiGroup":"k8s.example.com","kind":"IngressParameters","name":"external"}}}
            """);

        Assert.Equal("k8s.io/ingress-nginx", cells["Controller"]);
        Assert.Equal("IngressParameters.k8s.example.com/external", cells["Parameters"]);
    }

    [Fact]
    public void NetworkPolicies_EmptySelector_IsNone()
    {
        var cells = TableTestData.Cells(NetworkingPrinters.NetworkPolicies, """{"metadata":{"name":"deny"},"spec":{"podSelector":{}}}""");

        Assert.Equal("<none>", cells["Pod-Selector"]);
    }
}
