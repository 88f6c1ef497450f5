namespace SuperKube.Defaulting.Tests;

public sealed class NetworkingDefaultsTests
{
    [Fact]
    public void Default_PolicyWithIngressOnly_GetsIngressTypeAndTcpPorts()
    {
        DefaultingAssert.Defaults("networking.k8s.io", "NetworkPolicy",
            """{"spec":{"podSelector":{},"ingress":[{"ports":[{"port":80},{"port":53,"protocol":"UDP"}]}]}}""",
            """
            {"spec":{"podSelector":{},"ingress":[{"ports":[{"port":80,"protocol":"TCP"},{"port":53,"protocol":"UDP"}]}],
                     "policyTypes":["Ingress"]}}
            """);
    }

    [Fact]
    public void Default_PolicyWithEgressRules_AddsEgressType()
    {
        var policy = DefaultingAssert.Apply("networking.k8s.io", "NetworkPolicy",
            """{"spec":{"podSelector":{},"egress":[{"ports":[{"port":443}]}]}}""");

        DefaultingAssert.Equal("""["Ingress","Egress"]""", policy["spec"]!["policyTypes"]);
        DefaultingAssert.Equal("""[{"port":443,"protocol":"TCP"}]""", policy["spec"]!["egress"]![0]!["ports"]);
    }

    [Fact]
    public void Default_PolicyWithTypes_KeepsThem()
    {
        const string Json = """{"spec":{"podSelector":{},"policyTypes":["Egress"]}}""";

        DefaultingAssert.Defaults("networking.k8s.io", "NetworkPolicy", Json, Json);
    }

    [Fact]
    public void Default_IngressClassParameters_ScopeDefaultsToCluster()
    {
        DefaultingAssert.Defaults("networking.k8s.io", "IngressClass",
            """{"spec":{"controller":"example.com/c","parameters":{"kind":"P","name":"p"}}}""",
            """{"spec":{"controller":"example.com/c","parameters":{"kind":"P","name":"p","scope":"Cluster"}}}""");
        DefaultingAssert.Defaults("networking.k8s.io", "IngressClass",
            """{"spec":{"controller":"example.com/c"}}""",
            """{"spec":{"controller":"example.com/c"}}""");
    }
}
