using System.Text.Json.Nodes;

namespace SuperKube.CustomResources.Tests;

public sealed class CustomResourceScaleTests
{
    [Fact]
    public void ToScale_PathsOfCrd_ReadIntoScale()
    {
        var crd = CrdInfo.From(CrdFixtures.Widgets());
        var type = CustomResourceTypes.Build(crd, crd.Names)[0];
        var obj = JsonNode.Parse("""
            {"metadata":{"name":"w","namespace":"ns","uid":"u1","resourceVersion":"7","labels":{"a":"b"}},
             "spec":{"size":3},"status":{"replicas":2,"selector":"app=w"}}
            """)!.AsObject();

        var scale = CustomResourceScale.ToScale(type, obj);

        Assert.Equal(
            """{"kind":"Scale","apiVersion":"autoscaling/v1","metadata":{"name":"w","namespace":"ns","uid":"u1","resourceVersion":"7"},"spec":{"replicas":3},"status":{"replicas":2,"selector":"app=w"}}""",
            scale.ToJsonString());
    }
}
