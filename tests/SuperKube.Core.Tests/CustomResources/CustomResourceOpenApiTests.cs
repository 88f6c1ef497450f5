using System.Text.Json.Nodes;
using SuperKube.OpenApi;
using SuperKube.Registry;

namespace SuperKube.CustomResources.Tests;

/// <summary>The schema of a custom resource as <c>/openapi/v3</c> publishes it (what kubectl explain reads).</summary>
public sealed class CustomResourceOpenApiTests
{
    [Fact]
    public void BuildGroupVersion_CustomResource_PublishesCrdSchemaUnderReversedGroupName()
    {
        var crd = CrdInfo.From(CrdFixtures.Widgets());
        var registry = new ResourceRegistry(CustomResourceTypes.Build(crd, crd.Names));
        var builder = new OpenApiDocumentBuilder(registry);

        var document = JsonNode.Parse(builder.BuildGroupVersion("example.com", "v1")!)!;

        var widget = document["components"]!["schemas"]!["com.example.v1.Widget"]!;
        Assert.Equal("""[{"group":"example.com","kind":"Widget","version":"v1"}]""", widget["x-kubernetes-group-version-kind"]!.ToJsonString());
        Assert.Equal("integer", (string?)widget["properties"]!["spec"]!["properties"]!["size"]!["type"]);
        Assert.Equal(10, (int?)widget["properties"]!["spec"]!["properties"]!["size"]!["maximum"]);
        Assert.NotNull(widget["properties"]!["metadata"]!["allOf"]);
        var patch = document["paths"]!["/apis/example.com/v1/namespaces/{namespace}/widgets/{name}"]!["patch"]!;
        Assert.DoesNotContain("application/strategic-merge-patch+json", patch["requestBody"]!["content"]!.AsObject().Select(p => p.Key));
    }
}
