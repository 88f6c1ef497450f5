using System.Text.Json.Nodes;

namespace SuperKube.CustomResources.Tests;

public sealed class SchemaPrunerTests
{
    private static readonly Schema.StructuralSchema Schema = CrdSchemaParser.Parse(JsonNode.Parse("""
        {"type":"object","properties":{
          "spec":{"type":"object","properties":{
            "size":{"type":"integer"},
            "items":{"type":"array","items":{"type":"object","properties":{"name":{"type":"string"}}}},
            "labels":{"type":"object","additionalProperties":{"type":"string"}},
            "free":{"type":"object","x-kubernetes-preserve-unknown-fields":true,"properties":{"known":{"type":"object"}}},
            "template":{"type":"object","x-kubernetes-embedded-resource":true,"properties":{"spec":{"type":"object"}}}}}}}
        """));

    [Fact]
    public void Prune_UnknownFields_RemovedAndReported()
    {
        var obj = Parse("""{"apiVersion":"a/v1","kind":"W","metadata":{"name":"w","x":1},"spec":{"size":1,"extra":true,"items":[{"name":"a","bad":1}]},"top":1}""");

        var pruned = SchemaPruner.Prune(obj, Schema);

        Assert.Equal(["spec.extra", "spec.items[0].bad", "top"], pruned);
        Assert.Equal("""{"apiVersion":"a/v1","kind":"W","metadata":{"name":"w","x":1},"spec":{"size":1,"items":[{"name":"a"}]}}""", obj.ToJsonString());
    }

    [Fact]
    public void Prune_MapsPreservedFieldsAndEmbeddedTypeMeta_Kept()
    {
        var obj = Parse("""{"spec":{"labels":{"a":"b"},"free":{"anything":[1],"known":{"drop":1}},"template":{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{},"junk":1}}}""");

        var pruned = SchemaPruner.Prune(obj, Schema);

        Assert.Equal(["spec.free.known.drop", "spec.template.junk"], pruned);
        Assert.Equal("""{"spec":{"labels":{"a":"b"},"free":{"anything":[1],"known":{}},"template":{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{}}}}""", obj.ToJsonString());
    }

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}
