using System.Text.Json.Nodes;

namespace SuperKube.CustomResources.Tests;

public sealed class SchemaDefaulterTests
{
    private static readonly Schema.StructuralSchema Schema = CrdSchemaParser.Parse(JsonNode.Parse("""
        {"type":"object","properties":{
          "spec":{"type":"object","default":{},"properties":{
            "size":{"type":"integer","default":1},
            "color":{"type":"string","default":"green"},
            "note":{"type":"string","nullable":true,"default":"n"},
            "ports":{"type":"array","items":{"type":"object","properties":{"protocol":{"type":"string","default":"TCP"},"port":{"type":"integer"}}}},
            "limits":{"type":"object","additionalProperties":{"type":"object","properties":{"unit":{"type":"string","default":"Mi"}}}}}}}}
        """));

    [Fact]
    public void Apply_MissingParent_CreatesItAndFillsNestedDefaults()
    {
        var obj = Parse("""{"metadata":{"name":"w"}}""");

        SchemaDefaulter.Apply(obj, Schema);

        Assert.Equal("""{"metadata":{"name":"w"},"spec":{"size":1,"color":"green","note":"n"}}""", obj.ToJsonString());
    }

    [Fact]
    public void Apply_SetValuesArraysAndMaps_KeepsValuesAndDefaultsItems()
    {
        var obj = Parse("""{"spec":{"size":3,"note":null,"color":null,"ports":[{"port":80},{"port":53,"protocol":"UDP"}],"limits":{"mem":{}}}}""");

        SchemaDefaulter.Apply(obj, Schema);

        Assert.Equal(3, (int?)obj["spec"]!["size"]);
        Assert.Null(obj["spec"]!["note"]);
        Assert.Equal("green", (string?)obj["spec"]!["color"]);
        Assert.Equal("TCP", (string?)obj["spec"]!["ports"]![0]!["protocol"]);
        Assert.Equal("UDP", (string?)obj["spec"]!["ports"]![1]!["protocol"]);
        Assert.Equal("Mi", (string?)obj["spec"]!["limits"]!["mem"]!["unit"]);
    }

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}
