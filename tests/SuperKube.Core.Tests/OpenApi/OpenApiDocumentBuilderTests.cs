using System.Text.Json.Nodes;
using SuperKube.Registry;

namespace SuperKube.OpenApi.Tests;

public class OpenApiDocumentBuilderTests
{
    private static readonly ResourceRegistry Registry = new(BuiltInResources.Create());
    private static readonly OpenApiDocumentBuilder Builder = new(Registry);

    public static TheoryData<string, string> GroupVersions()
    {
        var data = new TheoryData<string, string>();
        foreach (var gv in Registry.All.Select(r => (r.Group, r.Version)).Distinct())
        {
            data.Add(gv.Group, gv.Version);
        }

        return data;
    }

    [Fact]
    public void BuildRoot_ListsEveryGroupVersionWithItsHash()
    {
        var root = JsonNode.Parse(Builder.BuildRoot())!["paths"]!.AsObject();

        Assert.Equal(Registry.All.Select(r => OpenApiDocumentBuilder.PathOf(r.Group, r.Version)).Distinct().Order(), root.Select(p => p.Key).Order());
        Assert.Equal($"/openapi/v3/api/v1?hash={Builder.HashOf("", "v1")}", (string?)root["api/v1"]!["serverRelativeURL"]);
        Assert.Matches("^/openapi/v3/apis/apps/v1\\?hash=[0-9A-F]{64}$", (string?)root["apis/apps/v1"]!["serverRelativeURL"]);
    }

    [Theory]
    [MemberData(nameof(GroupVersions))]
    public void BuildGroupVersion_EveryResourceItemPath_HasPatchThatKubectlAccepts(string group, string version)
    {
        var document = Parse(group, version);

        foreach (var resource in Registry.All.Where(r => r.Group == group && r.Version == version && r.Verbs.Contains("patch")))
        {
            // kubectl's check: some path's patch operation carries the GVK and a fieldValidation query parameter.
            var patch = document["paths"]![ItemPath(resource)]?["patch"];
            Assert.NotNull(patch);
            Assert.True(JsonNode.DeepEquals(
                new JsonObject { ["group"] = group, ["kind"] = resource.Kind, ["version"] = version },
                patch["x-kubernetes-group-version-kind"]), resource.ToString());
            Assert.Equal("patch", (string?)patch["x-kubernetes-action"]);
            Assert.Contains(patch["parameters"]!.AsArray(), p => (string?)p!["name"] == "fieldValidation" && (string?)p["in"] == "query");
            var content = patch["requestBody"]!["content"]!.AsObject();
            Assert.True(content.ContainsKey("application/apply-patch+yaml"));
            Assert.True(content.ContainsKey("application/merge-patch+json"));
            Assert.True(content.ContainsKey("application/strategic-merge-patch+json"));
        }
    }

    [Theory]
    [MemberData(nameof(GroupVersions))]
    public void BuildGroupVersion_EveryKind_HasComponentSchemaWithGvk(string group, string version)
    {
        var schemas = Parse(group, version)["components"]!["schemas"]!.AsObject();

        foreach (var resource in Registry.All.Where(r => r.Group == group && r.Version == version))
        {
            var expected = new JsonObject { ["group"] = group, ["kind"] = resource.Kind, ["version"] = version };
            var matching = schemas.Where(s => s.Value?["x-kubernetes-group-version-kind"]?.AsArray().Any(k => JsonNode.DeepEquals(k, expected)) == true).ToList();
            var component = Assert.Single(matching).Value!;
            Assert.NotNull(component["properties"]?["metadata"]);
            Assert.False(string.IsNullOrEmpty((string?)component["description"]));
        }
    }

    [Theory]
    [MemberData(nameof(GroupVersions))]
    public void BuildGroupVersion_EveryReference_ResolvesToAComponent(string group, string version)
    {
        var document = Parse(group, version);
        var schemas = document["components"]!["schemas"]!.AsObject();

        foreach (var reference in References(document))
        {
            Assert.StartsWith("#/components/schemas/", reference, StringComparison.Ordinal);
            Assert.True(schemas.ContainsKey(reference["#/components/schemas/".Length..]), reference);
        }
    }

    [Fact]
    public void BuildGroupVersion_Core_DescribesPodLikeTheRealServer()
    {
        var schemas = Parse("", "v1")["components"]!["schemas"]!;
        var pod = schemas["io.k8s.api.core.v1.Pod"]!;
        var containers = schemas["io.k8s.api.core.v1.PodSpec"]!["properties"]!["containers"]!;

        Assert.Equal("#/components/schemas/io.k8s.api.core.v1.PodSpec", (string?)pod["properties"]!["spec"]!["allOf"]![0]!["$ref"]);
        Assert.NotNull(pod["properties"]!["spec"]!["description"]);
        Assert.Equal("array", (string?)containers["type"]);
        Assert.Equal("#/components/schemas/io.k8s.api.core.v1.Container", (string?)containers["items"]!["allOf"]![0]!["$ref"]);
        Assert.Equal("name", (string?)containers["x-kubernetes-patch-merge-key"]);
        Assert.Equal("merge", (string?)containers["x-kubernetes-patch-strategy"]);
        Assert.Equal("map", (string?)containers["x-kubernetes-list-type"]);
        Assert.Equal("name", (string?)containers["x-kubernetes-list-map-keys"]![0]);
        Assert.Equal("int-or-string", (string?)schemas["io.k8s.apimachinery.pkg.util.intstr.IntOrString"]!["format"]);
        Assert.NotNull(schemas["io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"]!["properties"]!["labels"]);
    }

    [Fact]
    public void BuildGroupVersion_Apps_HasPathsOperationsAndScaleSubresource()
    {
        var paths = Parse("apps", "v1")["paths"]!;
        var collection = paths["/apis/apps/v1/namespaces/{namespace}/deployments"]!;
        var item = paths["/apis/apps/v1/namespaces/{namespace}/deployments/{name}"]!;
        var scale = paths["/apis/apps/v1/namespaces/{namespace}/deployments/{name}/scale"]!;

        Assert.Equal("list", (string?)collection["get"]!["x-kubernetes-action"]);
        Assert.Equal("post", (string?)collection["post"]!["x-kubernetes-action"]);
        Assert.Equal("deletecollection", (string?)collection["delete"]!["x-kubernetes-action"]);
        Assert.Equal("patchAppsV1NamespacedDeployment", (string?)item["patch"]!["operationId"]);
        Assert.Equal(["get", "put", "patch", "delete"], item.AsObject().Select(p => p.Key).Where(k => k != "parameters"));
        Assert.Equal("Scale", (string?)scale["patch"]!["x-kubernetes-group-version-kind"]!["kind"]);
        Assert.Equal("autoscaling", (string?)scale["get"]!["x-kubernetes-group-version-kind"]!["group"]);
        Assert.NotNull(paths["/apis/apps/v1/namespaces/{namespace}/deployments/{name}/status"]!["put"]);
        Assert.Equal("list", (string?)paths["/apis/apps/v1/deployments"]!["get"]!["x-kubernetes-action"]);
        Assert.Equal(
            ["dryRun", "fieldManager", "fieldValidation", "force"],
            item["patch"]!["parameters"]!.AsArray().Select(p => (string?)p!["name"]));
    }

    [Fact]
    public void BuildGroupVersion_Unknown_ReturnsNull()
    {
        Assert.Null(Builder.BuildGroupVersion("example.com", "v1"));
        Assert.Null(Builder.BuildForPath("apis/apps/v2"));
    }

    [Fact]
    public void BuildGroupVersion_CalledTwice_ReturnsCachedBytes()
    {
        Assert.Same(Builder.BuildGroupVersion("apps", "v1"), Builder.BuildGroupVersion("apps", "v1"));
    }

    [Fact]
    public void Register_NewResource_ChangesOnlyThatGroupVersionHash()
    {
        var registry = new ResourceRegistry(BuiltInResources.Create());
        var builder = new OpenApiDocumentBuilder(registry);
        var before = JsonNode.Parse(builder.BuildRoot())!["paths"]!;
        var appsDocument = builder.BuildGroupVersion("apps", "v1");

        registry.Register(Custom("apps", "v1", "Widget", "widgets"));
        var after = JsonNode.Parse(builder.BuildRoot())!["paths"]!;

        Assert.NotEqual((string?)before["apis/apps/v1"]!["serverRelativeURL"], (string?)after["apis/apps/v1"]!["serverRelativeURL"]);
        Assert.Equal((string?)before["api/v1"]!["serverRelativeURL"], (string?)after["api/v1"]!["serverRelativeURL"]);
        Assert.NotSame(appsDocument, builder.BuildGroupVersion("apps", "v1"));
    }

    [Fact]
    public void Register_CustomGroup_AddsDocumentWithLooseSchemaAndNoStrategicMerge()
    {
        var registry = new ResourceRegistry(BuiltInResources.Create());
        var builder = new OpenApiDocumentBuilder(registry);
        _ = builder.BuildRoot();

        registry.Register(Custom("stable.example.com", "v1", "CronTab", "crontabs"));
        var root = JsonNode.Parse(builder.BuildRoot())!["paths"]!;
        var document = JsonNode.Parse(builder.BuildGroupVersion("stable.example.com", "v1")!)!;

        Assert.NotNull(root["apis/stable.example.com/v1"]);
        var schema = document["components"]!["schemas"]!["com.example.stable.v1.CronTab"]!;
        Assert.True((bool?)schema["x-kubernetes-preserve-unknown-fields"]);
        Assert.Equal("CronTab", (string?)schema["x-kubernetes-group-version-kind"]![0]!["kind"]);
        Assert.Equal("#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta", (string?)schema["properties"]!["metadata"]!["allOf"]![0]!["$ref"]);
        var content = document["paths"]!["/apis/stable.example.com/v1/namespaces/{namespace}/crontabs/{name}"]!["patch"]!["requestBody"]!["content"]!.AsObject();
        Assert.False(content.ContainsKey("application/strategic-merge-patch+json"));
        Assert.True(content.ContainsKey("application/merge-patch+json"));
    }

    private static JsonNode Parse(string group, string version) => JsonNode.Parse(Builder.BuildGroupVersion(group, version)!)!;

    private static string ItemPath(ResourceType resource)
    {
        var prefix = resource.Group.Length == 0 ? "/api/v1" : $"/apis/{resource.Group}/{resource.Version}";
        return resource.IsNamespaced
            ? $"{prefix}/namespaces/{{namespace}}/{resource.Plural}/{{name}}"
            : $"{prefix}/{resource.Plural}/{{name}}";
    }

    private static IEnumerable<string> References(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(p => p.Key == "$ref" ? [(string)p.Value!] : References(p.Value)),
        JsonArray array => array.SelectMany(References),
        _ => [],
    };

    private static ResourceType Custom(string group, string version, string kind, string plural) => new()
    {
        Group = group,
        Version = version,
        Kind = kind,
        Plural = plural,
        Strategy = new ResourceStrategy(false, NamePolicy.Subdomain, true),
    };
}
