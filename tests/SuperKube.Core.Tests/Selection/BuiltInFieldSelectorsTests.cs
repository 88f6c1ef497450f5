using System.Text.Json.Nodes;

namespace SuperKube.Selection.Tests;

public sealed class BuiltInFieldSelectorsTests
{
    [Fact]
    public void For_Pod_ReadsFieldsWithTypedDefaults()
    {
        var fields = BuiltInFieldSelectors.For("", "Pod");
        var pod = Obj("""
            {"spec":{"nodeName":"n1","restartPolicy":"Always","serviceAccountName":"default"},
             "status":{"phase":"Running","podIPs":[{"ip":"10.0.0.7"}],"podIP":"10.0.0.9"}}
            """);

        Assert.Equal("n1", fields["spec.nodeName"](pod));
        Assert.Equal("Always", fields["spec.restartPolicy"](pod));
        Assert.Equal("", fields["spec.schedulerName"](pod));
        Assert.Equal("default", fields["spec.serviceAccountName"](pod));
        Assert.Equal("false", fields["spec.hostNetwork"](pod));
        Assert.Equal("Running", fields["status.phase"](pod));
        Assert.Equal("10.0.0.7", fields["status.podIP"](pod));
        Assert.Equal("", fields["status.nominatedNodeName"](pod));
        Assert.DoesNotContain("metadata.name", fields.Keys);
    }

    [Fact]
    public void For_Pod_PodIpFallsBackToSingularField()
    {
        var fields = BuiltInFieldSelectors.For("", "Pod");

        Assert.Equal("10.0.0.9", fields["status.podIP"](Obj("""{"status":{"podIP":"10.0.0.9"}}""")));
        Assert.Equal("true", fields["spec.hostNetwork"](Obj("""{"spec":{"hostNetwork":true}}""")));
    }

    [Fact]
    public void For_Event_ExposesInvolvedObjectAndSourceFallback()
    {
        var fields = BuiltInFieldSelectors.For("", "Event");
        var ev = Obj("""
            {"involvedObject":{"kind":"Pod","name":"p","namespace":"ns","uid":"u1","apiVersion":"v1"},
             "reason":"Scheduled","type":"Normal","reportingComponent":"default-scheduler"}
            """);

        Assert.Equal("Pod", fields["involvedObject.kind"](ev));
        Assert.Equal("u1", fields["involvedObject.uid"](ev));
        Assert.Equal("", fields["involvedObject.fieldPath"](ev));
        Assert.Equal("default-scheduler", fields["source"](ev));
        Assert.Equal("kubelet", fields["source"](Obj("""{"source":{"component":"kubelet"}}""")));
        Assert.Equal(11, fields.Count);
    }

    [Theory]
    [InlineData("apps", "ReplicaSet", "status.replicas", """{"status":{"replicas":3}}""", "3")]
    [InlineData("", "ReplicationController", "status.replicas", "{}", "0")]
    [InlineData("batch", "Job", "status.successful", """{"status":{"succeeded":2}}""", "2")]
    [InlineData("", "Node", "spec.unschedulable", """{"spec":{"unschedulable":true}}""", "true")]
    [InlineData("", "Node", "spec.unschedulable", "{}", "false")]
    [InlineData("", "Secret", "type", """{"type":"kubernetes.io/tls"}""", "kubernetes.io/tls")]
    [InlineData("", "Namespace", "status.phase", """{"status":{"phase":"Active"}}""", "Active")]
    public void For_Kind_ReadsFieldAsString(string group, string kind, string field, string json, string expected)
    {
        var fields = BuiltInFieldSelectors.For(group, kind);

        Assert.Equal(expected, fields[field](Obj(json)));
    }

    [Fact]
    public void For_KindWithoutExtraFields_IsEmpty()
    {
        Assert.Empty(BuiltInFieldSelectors.For("apps", "Deployment"));
        Assert.Empty(BuiltInFieldSelectors.For("", "ConfigMap"));
    }

    private static JsonObject Obj(string json) => JsonNode.Parse(json)?.AsObject() ?? throw new ArgumentException(json);
}
