using System.Text.Json.Nodes;

namespace SuperKube.CustomResources.Tests;

public sealed class CrdValidatorTests
{
    [Fact]
    public void Validate_GoodCrd_NoErrors() => Assert.Empty(CrdValidator.Validate(CrdFixtures.Widgets(), null));

    [Fact]
    public void Validate_NameNotPluralDotGroup_Invalid()
    {
        var crd = CrdFixtures.Widgets();
        crd["metadata"]!["name"] = "widget.example.com";

        var error = Assert.Single(CrdValidator.Validate(crd, null));

        Assert.Equal("metadata.name: Invalid value: \"widget.example.com\": must be spec.names.plural+\".\"+spec.group", error.ToString());
    }

    [Fact]
    public void Validate_TwoStorageVersions_Invalid()
    {
        var crd = CrdFixtures.Widgets();
        crd["spec"]!["versions"]![0]!["storage"] = true;

        var error = Assert.Single(CrdValidator.Validate(crd, null));

        Assert.Equal("spec.versions", error.Field);
        Assert.EndsWith("must have exactly one version marked as storage version", error.Message);
    }

    [Fact]
    public void Validate_MissingSchemaAndBadColumn_ReportedPerVersion()
    {
        var crd = CrdFixtures.Widgets();
        crd["spec"]!["versions"]![0]!.AsObject().Remove("schema");
        crd["spec"]!["versions"]![1]!["additionalPrinterColumns"] = JsonNode.Parse("""[{"name":"X","type":"float","jsonPath":".spec.x"}]""");

        var errors = CrdValidator.Validate(crd, null).Select(e => e.ToString()).ToList();

        Assert.Contains("spec.versions[0].schema.openAPIV3Schema: Required value: schemas are required", errors);
        Assert.Contains("spec.versions[1].additionalPrinterColumns[0].type: Unsupported value: \"float\": supported values: \"integer\", \"number\", \"string\", \"boolean\", \"date\"", errors);
    }

    [Fact]
    public void Validate_NonStructuralSchema_RejectedWithPath()
    {
        var crd = CrdFixtures.Widgets();
        crd["spec"]!["versions"]![1]!["schema"]!["openAPIV3Schema"]!["properties"]!["spec"]!["properties"]!["size"]!.AsObject().Remove("type");

        var error = Assert.Single(CrdValidator.Validate(crd, null));

        Assert.Equal(
            "spec.versions[1].schema.openAPIV3Schema.properties[spec].properties[size].type: Required value: must not be empty for specified object fields",
            error.ToString());
    }

    [Fact]
    public void Validate_UniqueItems_Forbidden()
    {
        var crd = CrdFixtures.Widgets();
        crd["spec"]!["versions"]![1]!["schema"]!["openAPIV3Schema"]!["properties"]!["spec"]!["properties"]!["tags"] =
            JsonNode.Parse("""{"type":"array","items":{"type":"string"},"uniqueItems":true}""");

        var error = Assert.Single(CrdValidator.Validate(crd, null));

        Assert.Equal("FieldValueForbidden", error.Reason);
        Assert.Equal("spec.versions[1].schema.openAPIV3Schema.properties[spec].properties[tags].uniqueItems", error.Field);
    }

    [Fact]
    public void Validate_ScopeChanged_Immutable()
    {
        var old = CrdFixtures.Widgets();
        var crd = CrdFixtures.Widgets();
        crd["spec"]!["scope"] = "Cluster";

        var error = Assert.Single(CrdValidator.Validate(crd, old));

        Assert.Equal("spec.scope: Invalid value: \"Cluster\": field is immutable", error.ToString());
    }

    [Fact]
    public void Validate_BadScalePath_Invalid()
    {
        var crd = CrdFixtures.Widgets();
        crd["spec"]!["versions"]![1]!["subresources"]!["scale"]!["specReplicasPath"] = ".status.x";

        var error = Assert.Single(CrdValidator.Validate(crd, null));

        Assert.Equal("spec.versions[1].subresources.scale.specReplicasPath: Invalid value: \".status.x\": should be a json path under .spec", error.ToString());
    }
}
