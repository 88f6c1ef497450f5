using System.Text.Json.Nodes;

namespace SuperKube.Runtime.Agent.Tests;

public sealed class JsonMergeDiffTests
{
    [Fact]
    public void Create_Equal_ReturnsNull()
    {
        var obj = JsonNode.Parse("""{"phase":"Running","conditions":[{"type":"Ready"}]}""")!.AsObject();

        Assert.Null(JsonMergeDiff.Create(obj, obj.DeepClone().AsObject()));
    }

    [Fact]
    public void Create_ChangedNestedAndRemoved_HasOnlyTheDifferences()
    {
        var before = JsonNode.Parse("""{"phase":"Pending","podIP":"1.2.3.4","nested":{"a":1,"b":2},"reason":"x"}""")!.AsObject();
        var after = JsonNode.Parse("""{"phase":"Running","podIP":"1.2.3.4","nested":{"a":1,"b":3}}""")!.AsObject();

        var patch = JsonMergeDiff.Create(before, after);

        Assert.Equal("""{"phase":"Running","nested":{"b":3},"reason":null}""", patch!.ToJsonString());
    }
}
