using System.Text.Json.Nodes;

namespace SuperKube.Defaulting.Tests;

public sealed class ContainerDefaultsTests
{
    [Theory]
    [InlineData("nginx", "Always")]
    [InlineData("nginx:latest", "Always")]
    [InlineData("nginx:1.25", "IfNotPresent")]
    [InlineData("registry:5000/nginx", "Always")]
    [InlineData("registry:5000/nginx:1.0", "IfNotPresent")]
    [InlineData("localhost/team/app", "Always")]
    [InlineData("nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "IfNotPresent")]
    [InlineData("nginx:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "Always")]
    [InlineData("nginx:1.25@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "IfNotPresent")]
    [InlineData("Nginx", "IfNotPresent")]
    [InlineData("", "IfNotPresent")]
    [InlineData(null, "IfNotPresent")]
    public void PullPolicyFor_Image_FollowsTagRule(string? image, string expected)
    {
        Assert.Equal(expected, ContainerDefaults.PullPolicyFor(image));
    }

    [Fact]
    public void Apply_MinimalContainer_GetsContainerDefaults()
    {
        var container = JsonNode.Parse("""{"name":"c","image":"nginx:1.25"}""")!.AsObject();

        ContainerDefaults.Apply(container);

        DefaultingAssert.Equal(
            """
            {"name":"c","image":"nginx:1.25","imagePullPolicy":"IfNotPresent",
             "terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File"}
            """,
            container);
    }

    [Fact]
    public void Apply_PortsEnvProbesAndLifecycle_AreDefaulted()
    {
        var container = JsonNode.Parse(
            """
            {"name":"c","image":"app:1",
             "ports":[{"containerPort":80},{"containerPort":53,"protocol":"UDP"}],
             "env":[{"name":"A","value":"x"},{"name":"NODE","valueFrom":{"fieldRef":{"fieldPath":"spec.nodeName"}}}],
             "livenessProbe":{"httpGet":{"port":8080}},
             "readinessProbe":{"tcpSocket":{"port":80},"periodSeconds":5,"failureThreshold":0},
             "startupProbe":{"grpc":{"port":9000}},
             "lifecycle":{"preStop":{"httpGet":{"port":80,"path":"/stop"}}}}
            """)!.AsObject();

        ContainerDefaults.Apply(container);

        DefaultingAssert.Equal(
            """
            {"name":"c","image":"app:1","imagePullPolicy":"IfNotPresent",
             "terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File",
             "ports":[{"containerPort":80,"protocol":"TCP"},{"containerPort":53,"protocol":"UDP"}],
             "env":[{"name":"A","value":"x"},{"name":"NODE","valueFrom":{"fieldRef":{"fieldPath":"spec.nodeName","apiVersion":"v1"}}}],
             "livenessProbe":{"httpGet":{"port":8080,"path":"/","scheme":"HTTP"},
                              "timeoutSeconds":1,"periodSeconds":10,"successThreshold":1,"failureThreshold":3},
             "readinessProbe":{"tcpSocket":{"port":80},"periodSeconds":5,"failureThreshold":3,"timeoutSeconds":1,"successThreshold":1},
             "startupProbe":{"grpc":{"port":9000,"service":""},
                             "timeoutSeconds":1,"periodSeconds":10,"successThreshold":1,"failureThreshold":3},
             "lifecycle":{"preStop":{"httpGet":{"port":80,"path":"/stop","scheme":"HTTP"}}}}
            """,
            container);
    }

    [Fact]
    public void Apply_ClientValues_AreKept()
    {
        const string Json =
            """
            {"name":"c","image":"nginx","imagePullPolicy":"Never","terminationMessagePath":"/tmp/log",
             "terminationMessagePolicy":"FallbackToLogsOnError","x-unknown":{"deep":[1,2]}}
            """;
        var container = JsonNode.Parse(Json)!.AsObject();

        ContainerDefaults.Apply(container);

        DefaultingAssert.Equal(Json, container);
    }
}
