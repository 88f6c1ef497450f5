namespace SuperKube.Defaulting.Tests;

public sealed class PodDefaultsTests
{
    [Fact]
    public void Default_MinimalPod_GetsExactlyTheDefaults()
    {
        DefaultingAssert.Defaults("", "Pod",
            """{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"containers":[{"name":"c","image":"nginx"}]}}""",
            """
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},
             "spec":{"containers":[{"name":"c","image":"nginx","imagePullPolicy":"Always",
                                    "terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File"}],
                     "enableServiceLinks":true,"dnsPolicy":"ClusterFirst","restartPolicy":"Always","securityContext":{},
                     "terminationGracePeriodSeconds":30,"schedulerName":"default-scheduler"},
             "status":{"phase":"Pending","qosClass":"BestEffort"}}
            """);
    }

    [Fact]
    public void Default_LimitsWithoutRequests_CopiesLimitsToRequestsAndIsGuaranteed()
    {
        var pod = DefaultingAssert.Apply("", "Pod",
            """
            {"spec":{"initContainers":[{"name":"i","image":"x:1","resources":{"limits":{"cpu":"100m","memory":"64Mi"}}}],
                     "containers":[{"name":"c","image":"x:1","resources":{"limits":{"cpu":"1","memory":"128Mi"},"requests":{"cpu":"1000m"}}}]}}
            """);

        DefaultingAssert.Equal("""{"limits":{"cpu":"100m","memory":"64Mi"},"requests":{"cpu":"100m","memory":"64Mi"}}""",
            pod["spec"]!["initContainers"]![0]!["resources"]);
        DefaultingAssert.Equal("""{"limits":{"cpu":"1","memory":"128Mi"},"requests":{"cpu":"1000m","memory":"128Mi"}}""",
            pod["spec"]!["containers"]![0]!["resources"]);
        Assert.Equal("Guaranteed", pod["status"]!["qosClass"]!.GetValue<string>());
    }

    [Fact]
    public void Default_RequestsBelowLimits_IsBurstable()
    {
        var pod = DefaultingAssert.Apply("", "Pod",
            """{"spec":{"containers":[{"name":"c","image":"x:1","resources":{"requests":{"memory":"1Gi"}}}]}}""");

        Assert.Equal("Burstable", pod["status"]!["qosClass"]!.GetValue<string>());
    }

    [Fact]
    public void Default_HostNetwork_HostPortsDefaultToContainerPorts()
    {
        var pod = DefaultingAssert.Apply("", "Pod",
            """{"spec":{"hostNetwork":true,"containers":[{"name":"c","image":"x:1","ports":[{"containerPort":80},{"containerPort":81,"hostPort":81}]}]}}""");

        DefaultingAssert.Equal(
            """[{"containerPort":80,"hostPort":80,"protocol":"TCP"},{"containerPort":81,"hostPort":81,"protocol":"TCP"}]""",
            pod["spec"]!["containers"]![0]!["ports"]);
    }

    [Fact]
    public void Default_ExistingStatusAndClientValues_AreKept()
    {
        var pod = DefaultingAssert.Apply("", "Pod",
            """
            {"spec":{"enableServiceLinks":false,"restartPolicy":"OnFailure",
                     "containers":[{"name":"c","image":"nginx","imagePullPolicy":"Never"}]},
             "status":{"phase":"Running","qosClass":"Burstable","podIP":"10.0.0.5"}}
            """);

        DefaultingAssert.Equal("""{"phase":"Running","qosClass":"Burstable","podIP":"10.0.0.5"}""", pod["status"]);
        Assert.False(pod["spec"]!["enableServiceLinks"]!.GetValue<bool>());
        Assert.Equal("OnFailure", pod["spec"]!["restartPolicy"]!.GetValue<string>());
        Assert.Equal("Never", pod["spec"]!["containers"]![0]!["imagePullPolicy"]!.GetValue<string>());
    }
}
