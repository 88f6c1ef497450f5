using System.Text.Json;
using System.Text.Json.Nodes;
using SuperKube.Model.Apps;
using SuperKube.Model.Core;
using SuperKube.Model.Coordination;

namespace SuperKube.Model.Tests;

public class ModelJsonContextTests
{
    private const string PodJson = """
        {
          "apiVersion": "v1",
          "kind": "Pod",
          "futureTopLevel": {"a": [1, 2, {"b": null}]},
          "metadata": {
            "name": "web",
            "namespace": "default",
            "uid": "0b7d3c1e-8f4a-4e36-9d7d-1d2a6c9b7e01",
            "creationTimestamp": "2025-01-01T00:00:00Z",
            "labels": {"app": "web"},
            "ownerReferences": [{"apiVersion": "apps/v1", "kind": "ReplicaSet", "name": "web-1", "uid": "u1", "controller": true, "unknownOwnerField": 7}],
            "managedFields": [{"manager": "kubectl", "operation": "Apply", "fieldsType": "FieldsV1", "fieldsV1": {"f:metadata": {"f:labels": {"f:app": {}}}}}],
            "unknownMeta": "kept"
          },
          "spec": {
            "containers": [{
              "name": "web",
              "image": "nginx:1.27",
              "ports": [{"containerPort": 80, "protocol": "TCP", "portFuture": true}],
              "env": [{"name": "A", "value": "1"}, {"name": "B", "valueFrom": {"fieldRef": {"fieldPath": "status.podIP"}}}],
              "resources": {"limits": {"cpu": "500m", "memory": "128Mi"}, "requests": {}},
              "livenessProbe": {"httpGet": {"path": "/", "port": "http"}, "periodSeconds": 5},
              "readinessProbe": {"tcpSocket": {"port": 8080}},
              "containerFuture": {"x": 1}
            }],
            "volumes": [{"name": "data", "emptyDir": {}, "csi": {"driver": "example"}}],
            "tolerations": [],
            "specFuture": [true, false]
          },
          "status": {
            "phase": "Running",
            "conditions": [{"type": "Ready", "status": "True", "lastTransitionTime": "2025-01-01T00:00:05Z"}],
            "podIPs": [{"ip": "10.0.0.5"}],
            "statusFuture": 1.5
          }
        }
        """;

    [Fact]
    public void Pod_WithUnknownFieldsAtSeveralLevels_RoundTripsToEqualJson()
    {
        var pod = JsonSerializer.Deserialize(PodJson, ModelJsonContext.Default.Pod);

        var written = JsonSerializer.Serialize(pod, ModelJsonContext.Default.Pod);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(PodJson), JsonNode.Parse(written)), written);
    }

    [Fact]
    public void Pod_Deserialized_ExposesTypedFieldsAndKeepsUnknownOnes()
    {
        var pod = JsonSerializer.Deserialize(PodJson, ModelJsonContext.Default.Pod);

        Assert.NotNull(pod?.Spec?.Containers);
        var container = Assert.Single(pod.Spec.Containers);
        Assert.Equal(80, container.Ports?[0].ContainerPortNumber);
        Assert.Equal(new IntOrString("http"), container.LivenessProbe?.HttpGet?.Port);
        Assert.Equal(new IntOrString(8080), container.ReadinessProbe?.TcpSocket?.Port);
        Assert.Equal("500m", container.Resources?.Limits?["cpu"]);
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), pod.Metadata?.CreationTimestamp);
        Assert.True(pod.AdditionalProperties?.ContainsKey("futureTopLevel"));
        Assert.True(container.AdditionalProperties?.ContainsKey("containerFuture"));
        Assert.Null(pod.Spec.NodeName);
    }

    [Fact]
    public void Quantity_SentAsNumber_IsReadAsItsText()
    {
        const string json = """{"spec":{"containers":[{"name":"a","resources":{"limits":{"cpu":1,"memory":1.5}}}]}}""";

        var pod = JsonSerializer.Deserialize(json, ModelJsonContext.Default.Pod);

        var limits = pod?.Spec?.Containers?[0].Resources?.Limits;
        Assert.Equal("1", limits?["cpu"]);
        Assert.Equal("1.5", limits?["memory"]);
    }

    [Fact]
    public void Time_WithOffset_IsWrittenInUtcWithWholeSeconds()
    {
        var deployment = new Deployment
        {
            Status = new DeploymentStatus
            {
                Conditions = [new DeploymentCondition { Type = "Available", LastUpdateTime = new DateTimeOffset(2025, 3, 1, 12, 30, 15, 250, TimeSpan.FromHours(2)) }],
            },
        };

        var json = JsonSerializer.Serialize(deployment, ModelJsonContext.Default.Deployment);

        Assert.Equal("""{"status":{"conditions":[{"type":"Available","lastUpdateTime":"2025-03-01T10:30:15Z"}]}}""", json);
    }

    [Fact]
    public void MicroTime_IsWrittenWithSixFractionalDigits()
    {
        var lease = new Lease { Spec = new LeaseSpec { RenewTime = new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.Zero).AddTicks(1234560) } };

        var json = JsonSerializer.Serialize(lease, ModelJsonContext.Default.Lease);

        Assert.Equal("""{"spec":{"renewTime":"2025-03-01T10:00:00.123456Z"}}""", json);
    }

    [Fact]
    public void Serialize_EmptyObject_OmitsNullProperties()
    {
        var json = JsonSerializer.Serialize(new Pod { Kind = "Pod" }, ModelJsonContext.Default.Pod);

        Assert.Equal("""{"kind":"Pod"}""", json);
    }
}
