namespace SuperKube.Defaulting.Tests;

public sealed class ServiceDefaultsTests
{
    [Fact]
    public void Default_MinimalClusterIpService_GetsExactlyTheDefaults()
    {
        DefaultingAssert.Defaults("", "Service",
            """{"metadata":{"name":"web"},"spec":{"selector":{"app":"web"},"ports":[{"port":80},{"name":"https","port":443,"targetPort":"tls"}]}}""",
            """
            {"metadata":{"name":"web"},
             "spec":{"selector":{"app":"web"},
                     "ports":[{"port":80,"protocol":"TCP","targetPort":80},
                              {"name":"https","port":443,"targetPort":"tls","protocol":"TCP"}],
                     "sessionAffinity":"None","type":"ClusterIP","internalTrafficPolicy":"Cluster",
                     "ipFamilyPolicy":"SingleStack","ipFamilies":["IPv4"]}}
            """);
    }

    [Fact]
    public void Default_LoadBalancer_GetsTrafficPoliciesAndNodePortAllocation()
    {
        DefaultingAssert.Defaults("", "Service",
            """
            {"spec":{"type":"LoadBalancer","ports":[{"port":80,"targetPort":0}]},
             "status":{"loadBalancer":{"ingress":[{"ip":"1.2.3.4"},{"hostname":"lb.example"}]}}}
            """,
            """
            {"spec":{"type":"LoadBalancer","ports":[{"port":80,"targetPort":80,"protocol":"TCP"}],
                     "sessionAffinity":"None","externalTrafficPolicy":"Cluster","internalTrafficPolicy":"Cluster",
                     "ipFamilyPolicy":"SingleStack","ipFamilies":["IPv4"],"allocateLoadBalancerNodePorts":true},
             "status":{"loadBalancer":{"ingress":[{"ip":"1.2.3.4","ipMode":"VIP"},{"hostname":"lb.example"}]}}}
            """);
    }

    [Fact]
    public void Default_NodePort_GetsExternalTrafficPolicy()
    {
        var service = DefaultingAssert.Apply("", "Service", """{"spec":{"type":"NodePort","ports":[{"port":80}]}}""");

        Assert.Equal("Cluster", service["spec"]!["externalTrafficPolicy"]!.GetValue<string>());
        Assert.Null(service["spec"]!["allocateLoadBalancerNodePorts"]);
    }

    [Fact]
    public void Default_ExternalName_GetsNoTrafficOrFamilyDefaults()
    {
        DefaultingAssert.Defaults("", "Service",
            """{"spec":{"type":"ExternalName","externalName":"db.example.com"}}""",
            """{"spec":{"type":"ExternalName","externalName":"db.example.com","sessionAffinity":"None"}}""");
    }

    [Fact]
    public void Default_HeadlessWithoutSelector_RequiresDualStack()
    {
        var service = DefaultingAssert.Apply("", "Service", """{"spec":{"clusterIP":"None","ports":[{"port":80}]}}""");

        Assert.Equal("RequireDualStack", service["spec"]!["ipFamilyPolicy"]!.GetValue<string>());
        DefaultingAssert.Equal("""["IPv4","IPv6"]""", service["spec"]!["ipFamilies"]);
    }

    [Fact]
    public void Default_HeadlessWithSelector_IsSingleStack()
    {
        var service = DefaultingAssert.Apply("", "Service", """{"spec":{"clusterIP":"None","selector":{"app":"db"}}}""");

        Assert.Equal("SingleStack", service["spec"]!["ipFamilyPolicy"]!.GetValue<string>());
        DefaultingAssert.Equal("""["IPv4"]""", service["spec"]!["ipFamilies"]);
    }

    [Fact]
    public void Default_Ipv6ClusterIp_InfersFamily()
    {
        var service = DefaultingAssert.Apply("", "Service", """{"spec":{"clusterIP":"fd00::10","clusterIPs":["fd00::10"]}}""");

        DefaultingAssert.Equal("""["IPv6"]""", service["spec"]!["ipFamilies"]);
    }

    [Fact]
    public void Default_ClientIpAffinity_GetsTimeout()
    {
        var service = DefaultingAssert.Apply("", "Service", """{"spec":{"sessionAffinity":"ClientIP"}}""");

        DefaultingAssert.Equal("""{"clientIP":{"timeoutSeconds":10800}}""", service["spec"]!["sessionAffinityConfig"]);
    }

    [Fact]
    public void Default_ClientValues_AreKept()
    {
        const string Json =
            """
            {"spec":{"type":"NodePort","sessionAffinity":"ClientIP","sessionAffinityConfig":{"clientIP":{"timeoutSeconds":60}},
                     "ports":[{"port":53,"protocol":"UDP","targetPort":5353,"nodePort":30053}],
                     "externalTrafficPolicy":"Local","internalTrafficPolicy":"Local",
                     "ipFamilyPolicy":"PreferDualStack","ipFamilies":["IPv4"],"clusterIP":"10.0.0.10","x-extra":true}}
            """;

        DefaultingAssert.Defaults("", "Service", Json, Json);
    }

    [Fact]
    public void Default_Endpoints_PortsGetTcp()
    {
        DefaultingAssert.Defaults("", "Endpoints",
            """{"subsets":[{"addresses":[{"ip":"10.1.0.5"}],"ports":[{"port":80},{"port":53,"protocol":"UDP"}]}]}""",
            """{"subsets":[{"addresses":[{"ip":"10.1.0.5"}],"ports":[{"port":80,"protocol":"TCP"},{"port":53,"protocol":"UDP"}]}]}""");
    }

    [Fact]
    public void Default_EndpointSlice_PortsGetNameAndTcp()
    {
        DefaultingAssert.Defaults("discovery.k8s.io", "EndpointSlice",
            """{"addressType":"IPv4","endpoints":[{"addresses":["10.1.0.5"]}],"ports":[{"port":80},{"name":"dns","port":53,"protocol":"UDP"}]}""",
            """
            {"addressType":"IPv4","endpoints":[{"addresses":["10.1.0.5"]}],
             "ports":[{"port":80,"name":"","protocol":"TCP"},{"name":"dns","port":53,"protocol":"UDP"}]}
            """);
    }
}
