using System.Text.Json.Nodes;
using SuperKube.Registry;

namespace SuperKube.Resources.Tests;

public sealed class ObjectPreparationTests
{
    private static readonly ResourceType Pods = BuiltInResources.Create().First(t => t is { Group: "", Plural: "pods" });

    [Fact]
    public void PrepareUpdate_LastFinalizerAndOwnerRemoved_DropsTheEmptyLists()
    {
        var old = Obj("""{"metadata":{"name":"p","uid":"u","finalizers":["batch.kubernetes.io/job-tracking"],"ownerReferences":[{"uid":"o"}]}}""");
        var updated = Obj("""{"metadata":{"name":"p","finalizers":[],"ownerReferences":[]}}""");

        var result = ObjectPreparation.PrepareUpdate(Pods, old, updated, "");

        Assert.Equal("""{"name":"p","uid":"u"}""", result["metadata"]!.ToJsonString());
    }

    [Fact]
    public void PrepareCreate_EmptyFinalizers_Dropped()
    {
        var obj = Obj("""{"metadata":{"name":"p","finalizers":[]}}""");

        ObjectPreparation.PrepareCreate(Pods, obj, DateTimeOffset.UnixEpoch);

        Assert.Null(obj["metadata"]!["finalizers"]);
    }

    private static JsonObject Obj(string json) => JsonNode.Parse(json)!.AsObject();
}
