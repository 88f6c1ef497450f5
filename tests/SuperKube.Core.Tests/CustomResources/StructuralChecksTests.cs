using System.Text.Json.Nodes;

namespace SuperKube.CustomResources.Tests;

public sealed class StructuralChecksTests
{
    private const string Root = "spec.versions[0].schema.openAPIV3Schema";

    public static TheoryData<string, string> NonStructural => new()
    {
        { """{"type":"object","properties":{"spec":{"properties":{"a":{"type":"string"}}}}}""",
            $"{Root}.properties[spec].type: Required value: must not be empty for specified object fields" },
        { """{"type":"object","properties":{"tags":{"type":"array"}}}""", $"{Root}.properties[tags].items: Required value: must be specified" },
        { """{"type":"object","properties":{"tags":{"type":"array","items":{}}}}""",
            $"{Root}.properties[tags].items.type: Required value: must not be empty for specified array items" },
        { """{"type":"string"}""", $"{Root}.type: Invalid value: \"string\": must be object at the root" },
        { """{"properties":{}}""", $"{Root}.type: Required value: must not be empty at the root" },
        { """{"type":"object","additionalProperties":{"type":"string"}}""", $"{Root}.additionalProperties: Forbidden: must not be used at the root" },
        { """{"type":"object","properties":{"metadata":{"type":"object","properties":{"labels":{"type":"object"}}}}}""",
            $"{Root}.properties[metadata]: Forbidden: must not specify anything other than name and generateName, but metadata is implicitly specified" },
        { """{"type":"object","properties":{"kind":{"type":"integer"}}}""", $"{Root}.properties[kind].type: Invalid value: \"integer\": must be string" },
        { """{"type":"object","properties":{"a":{"type":"object","x-kubernetes-embedded-resource":true}}}""",
            $"{Root}.properties[a].properties: Required value: must not be empty if x-kubernetes-embedded-resource is true without x-kubernetes-preserve-unknown-fields" },
        { """{"type":"object","properties":{"a":{"type":"string","anyOf":[{"type":"string"}]}}}""",
            $"{Root}.properties[a].anyOf[0].type: Forbidden: must be empty to be structural" },
        { """{"type":"object","properties":{"a":{"type":"object","x-kubernetes-preserve-unknown-fields":false}}}""",
            $"{Root}.properties[a].x-kubernetes-preserve-unknown-fields: Invalid value: false: must be true or undefined" },
        { """{"type":"object","properties":{"a":{"type":"array","x-kubernetes-list-type":"map","items":{"type":"object"}}}}""",
            $"{Root}.properties[a].x-kubernetes-list-map-keys: Required value: must not be empty if x-kubernetes-list-type is map" },
    };

    [Theory]
    [MemberData(nameof(NonStructural))]
    public void Check_NonStructuralSchema_ReportsUpstreamViolation(string schema, string expected)
    {
        var errors = StructuralChecks.Check(JsonNode.Parse(schema)!.AsObject(), Root);

        Assert.Contains(expected, errors.Select(e => e.ToString()));
    }

    [Theory]
    [InlineData("""{"type":"object","properties":{"spec":{"type":"object","properties":{"size":{"type":"integer"}}}}}""")]
    [InlineData("""{"type":"object","properties":{"port":{"x-kubernetes-int-or-string":true,"anyOf":[{"type":"integer"},{"type":"string"}]}}}""")]
    [InlineData("""{"type":"object","properties":{"any":{"x-kubernetes-preserve-unknown-fields":true}}}""")]
    [InlineData("""{"type":"object","properties":{"metadata":{"type":"object","properties":{"name":{"type":"string","maxLength":10}}}}}""")]
    [InlineData("""{"type":"object","properties":{"a":{"type":"string","anyOf":[{"pattern":"^a"},{"maxLength":3}]}}}""")]
    public void Check_StructuralSchema_NoErrors(string schema) =>
        Assert.Empty(StructuralChecks.Check(JsonNode.Parse(schema)!.AsObject(), Root));
}
