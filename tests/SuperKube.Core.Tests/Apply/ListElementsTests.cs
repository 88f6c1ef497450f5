using System.Text.Json.Nodes;

namespace SuperKube.Apply.Tests;

public sealed class ListElementsTests
{
    [Theory]
    [InlineData("""{"name":"app","image":"busybox"}""", new[] { "name" }, """k:{"name":"app"}""")]
    [InlineData("""{"containerPort":80}""", new[] { "protocol", "containerPort" }, """k:{"containerPort":80,"protocol":"TCP"}""")]
    [InlineData("""{"containerPort":8080,"protocol":"UDP"}""", new[] { "containerPort", "protocol" }, """k:{"containerPort":8080,"protocol":"UDP"}""")]
    [InlineData("""{"type":"Ready","status":"True"}""", new[] { "type" }, """k:{"type":"Ready"}""")]
    [InlineData("""{"name":"a b/c<d>\"e"}""", new[] { "name" }, """k:{"name":"a b/c<d>\"e"}""")]
    [InlineData("""{"name":"ü"}""", new[] { "name" }, """k:{"name":"ü"}""")]
    [InlineData("""{"port":1.5e3}""", new[] { "port" }, """k:{"port":1.5e3}""")]
    [InlineData("""{"ip":null}""", new[] { "ip" }, """k:{}""")]
    [InlineData("""{"enabled":true}""", new[] { "enabled" }, """k:{"enabled":true}""")]
    [InlineData("""{"name":""}""", new[] { "name" }, """k:{"name":""}""")]
    public void PathOf_ListMapElement_SpellsTheKeyFieldsAsUpstreamDoes(string item, string[] keys, string expected)
    {
        Assert.Equal(expected, ListElements.PathOf(JsonNode.Parse(item), ListKind.Map, keys));
    }

    [Fact]
    public void PathOf_SetElement_IsTheValue()
    {
        Assert.Equal("v:\"x\"", ListElements.PathOf(JsonValue.Create("x"), ListKind.Set, []));
    }
}
