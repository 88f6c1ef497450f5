using System.Text.Json.Nodes;

namespace SuperKube.CustomResources.Tests;

public sealed class SimpleJsonPathTests
{
    private static readonly JsonNode Obj = JsonNode.Parse("""
        {"spec":{"size":3,"a.b":"dotted","tags":["x","y"]},
         "status":{"conditions":[{"type":"Synced","status":"False"},{"type":"Ready","status":"True"}]}}
        """)!;

    [Theory]
    [InlineData(".spec.size", "3")]
    [InlineData("{.spec.size}", "3")]
    [InlineData("$.spec.size", "3")]
    [InlineData(".spec['a.b']", "\"dotted\"")]
    [InlineData(".spec.tags[1]", "\"y\"")]
    [InlineData(".spec.tags[-1]", "\"y\"")]
    [InlineData(".spec.tags[*]", "\"x\",\"y\"")]
    [InlineData(".status.conditions[?(@.type==\"Ready\")].status", "\"True\"")]
    [InlineData(".status.conditions[?(@.type=='Ready')].status", "\"True\"")]
    [InlineData(".status.conditions[?(@.status!=\"True\")].type", "\"Synced\"")]
    [InlineData(".spec.missing", "")]
    public void Evaluate_SupportedSyntax_SelectsValues(string path, string expected)
    {
        var values = SimpleJsonPath.Parse(path).Evaluate(Obj);

        Assert.Equal(expected, string.Join(",", values.Select(v => v?.ToJsonString())));
    }

    [Theory]
    [InlineData(".spec[")]
    [InlineData(".spec..size")]
    [InlineData(".spec[?(@.a > 1)]")]
    public void TryParse_UnsupportedSyntax_ReturnsNull(string path) => Assert.Null(SimpleJsonPath.TryParse(path));

    [Fact]
    public void Fields_PlainPath_ListsNames()
    {
        var path = SimpleJsonPath.Parse(".spec.replicas");

        Assert.True(path.IsFieldPath);
        Assert.Equal(["spec", "replicas"], path.Fields);
    }
}
