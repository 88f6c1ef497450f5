using System.Text;

namespace SuperKube.Api.Tests;

public sealed class LenientJsonTests
{
    [Fact]
    public void Parse_RepeatedKeys_KeepsLastValueAndReportsPaths()
    {
        var duplicates = new List<string>();

        var node = LenientJson.Parse(Encoding.UTF8.GetBytes("""{"metadata":{"name":"a","name":"b"},"items":[{"x":1,"x":2}]}"""), duplicates);

        Assert.Equal("b", (string?)node!["metadata"]!["name"]);
        Assert.Equal(2, (int?)node["items"]![0]!["x"]);
        Assert.Equal(["metadata.name", "items[0].x"], duplicates);
    }

    [Fact]
    public void Parse_RepeatedKeysAtTheTopAndDeepInNestedLists_ReportsFullPaths()
    {
        var duplicates = new List<string>();

        var node = LenientJson.Parse(Encoding.UTF8.GetBytes("""{"a":1,"a":"two","b":{"c":[[{"d":1,"d":2}],"s"]}}"""), duplicates);

        Assert.Equal("two", (string?)node!["a"]);
        Assert.Equal(2, (int?)node["b"]!["c"]![0]![0]!["d"]);
        Assert.Equal("s", (string?)node["b"]!["c"]![1]);
        Assert.Equal(["a", "b.c[0][0].d"], duplicates);
    }

    [Fact]
    public void Parse_Scalars_KeepTheirTypes()
    {
        var node = LenientJson.Parse(Encoding.UTF8.GetBytes("""{"s":"x","n":1.50,"t":true,"z":null}"""), []);

        Assert.Equal("x", (string?)node!["s"]);
        Assert.Equal(1.5m, (decimal?)node["n"]);
        Assert.True((bool?)node["t"]);
        Assert.Null(node["z"]);
        Assert.True(node.AsObject().ContainsKey("z"));
    }
}
