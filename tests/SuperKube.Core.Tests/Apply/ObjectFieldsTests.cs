using SuperKube.Schema;
using static SuperKube.Apply.Tests.ApplyTestData;

namespace SuperKube.Apply.Tests;

public sealed class ObjectFieldsTests
{
    private static readonly StructuralSchema? PodSchema = SchemaShape.For(Type("", "pods"));

    [Fact]
    public void Of_ListTypeMap_KeysElementsByTheirKeyFields()
    {
        var pod = Json("""{"spec":{"containers":[{"name":"web","image":"nginx","ports":[{"containerPort":80,"protocol":"UDP"}]}]}}""");

        var set = ObjectFields.Of(pod, PodSchema);

        var container = set.ToJson()["f:spec"]!["f:containers"]!["k:{\"name\":\"web\"}"]!;
        Assert.NotNull(container["."]);
        Assert.NotNull(container["f:image"]);
        Assert.NotNull(container["f:name"]);
        Assert.NotNull(container["f:ports"]!["k:{\"containerPort\":80,\"protocol\":\"UDP\"}"]!["."]);
        Assert.Null(set.ToJson()["f:spec"]!["."]);
    }

    [Fact]
    public void Of_PortWithoutProtocol_KeysWithTheDefaultTcp()
    {
        var pod = Json("""{"spec":{"containers":[{"name":"web","ports":[{"containerPort":80}]}]}}""");

        var set = ObjectFields.Of(pod, PodSchema);

        Assert.True(set.Contains(Path("f:spec", "f:containers", "k:{\"name\":\"web\"}", "f:ports", "k:{\"containerPort\":80,\"protocol\":\"TCP\"}")));
    }

    [Fact]
    public void Of_SetAtomicListAndAtomicMap_UseValueElementsAndLeaves()
    {
        var pod = Json("""
            {"metadata":{"finalizers":["a","b"],"labels":{"x":"1"}},
             "spec":{"nodeSelector":{"disk":"ssd"},"containers":[{"name":"c","args":["-v","-q"]}]}}
            """);

        var set = ObjectFields.Of(pod, PodSchema);

        Assert.True(set.Contains(Path("f:metadata", "f:finalizers", "v:\"a\"")));
        Assert.True(set.Contains(Path("f:metadata", "f:labels", "f:x")));
        Assert.False(set.Contains(Path("f:metadata", "f:labels")));
        Assert.True(set.Contains(Path("f:spec", "f:nodeSelector")));
        Assert.False(set.ContainsAtOrBelow(Path("f:spec", "f:nodeSelector", "f:disk")));
        Assert.True(set.Contains(Path("f:spec", "f:containers", "k:{\"name\":\"c\"}", "f:args")));
        Assert.False(set.ContainsAtOrBelow(Path("f:spec", "f:containers", "k:{\"name\":\"c\"}", "f:args", "i:0")));
    }

    [Fact]
    public void Of_NoSchema_ObjectsGranularListsAtomic()
    {
        var obj = Json("""{"spec":{"size":2,"tags":["a"],"empty":{}}}""");

        var set = ObjectFields.Of(obj, null);

        Assert.Equal("""{"f:spec":{"f:empty":{},"f:size":{},"f:tags":{}}}""", set.ToString());
    }
}
