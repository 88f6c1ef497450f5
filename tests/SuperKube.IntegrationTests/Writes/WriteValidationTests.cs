using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using SuperKube.IntegrationTests.Infrastructure;

namespace SuperKube.IntegrationTests.Writes;

/// <summary>Bad writes: each a clear 4xx Status with the object unchanged; unknown fields per <c>fieldValidation</c>.</summary>
public sealed class WriteValidationTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private readonly WriteScenario _s = new(server);

    private Infrastructure.Kubectl K => _s.K;

    [Fact]
    public async Task Create_UnknownFieldStrict_FailsNamingTheField()
    {
        var ns = await _s.NewNamespaceAsync();
        var file = _s.WriteFile(WriteScenario.Deployment(ns, "web").Replace("  replicas: 1", "  replicas: 1\n  foo: bar", StringComparison.Ordinal));

        var result = await K.RunAsync("create", "--validate=strict", "-f", file);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Deployment in version \"v1\" cannot be handled as a Deployment: strict decoding error: unknown field \"spec.foo\"", result.StdErr);
        Assert.NotEqual(0, (await K.RunAsync("get", "deploy", "web", "-n", ns)).ExitCode);
    }

    [Fact]
    public async Task Create_UnknownFieldWarn_WarnsAndStores()
    {
        var ns = await _s.NewNamespaceAsync();
        var file = _s.WriteFile(WriteScenario.Deployment(ns, "web").Replace("  replicas: 1", "  replicas: 1\n  foo: bar", StringComparison.Ordinal));

        var result = (await K.RunAsync("create", "--validate=warn", "-f", file)).EnsureSuccess();

        Assert.Contains("Warning: unknown field \"spec.foo\"", result.StdErr);
        (await K.RunAsync("get", "deploy", "web", "-n", ns)).EnsureSuccess();
    }

    [Fact]
    public async Task ApplyServerSide_UnknownField_FailsNamingTheField()
    {
        var ns = await _s.NewNamespaceAsync();
        var file = _s.WriteFile(WriteScenario.Deployment(ns, "web").Replace("  replicas: 1", "  replicas: 1\n  foo: bar", StringComparison.Ordinal));

        var result = await K.RunAsync("apply", "--server-side", "-f", file);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(".spec.foo: field not declared in schema", result.StdErr);
    }

    [Fact]
    public async Task Patch_ProducesInvalidObject_Returns422AndKeepsObject()
    {
        var ns = await _s.NewNamespaceAsync();
        (await K.RunAsync("create", "-f", _s.WriteFile(WriteScenario.ConfigMap(ns, "cfg", "  a: \"1\"\n")))).EnsureSuccess();

        var result = await K.RunAsync("patch", "cm", "cfg", "-n", ns, "--type", "merge", "-p", """{"metadata":{"labels":{"bad key!":"x"}},"data":{"a":"2"}}""");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("is invalid", result.StdErr);
        var cm = await _s.GetAsync("cm", "cfg", "-n", ns);
        Assert.Equal("1", (string?)cm["data"]!["a"]);
    }

    [Theory]
    [InlineData("application/merge-patch+json", "{\"data\":")]
    [InlineData("application/strategic-merge-patch+json", "[1,")]
    [InlineData("application/json-patch+json", "{\"op\":\"add\"}")]
    [InlineData("application/apply-patch+yaml", "apiVersion: [v1")]
    public async Task Patch_Malformed_Returns400AndKeepsObject(string contentType, string body)
    {
        var ns = await _s.NewNamespaceAsync();
        var path = await CreateConfigMapAsync(ns);

        var response = await PatchAsync(path + "?fieldManager=test", body, contentType);

        await StatusAssert.IsStatusAsync(response, 400, "BadRequest");
        await AssertUnchangedAsync(path);
    }

    [Fact]
    public async Task Patch_UnsupportedContentType_Returns415()
    {
        var ns = await _s.NewNamespaceAsync();
        var path = await CreateConfigMapAsync(ns);

        var response = await PatchAsync(path, "<data/>", "application/xml");

        await StatusAssert.IsStatusAsync(response, 415, "UnsupportedMediaType");
        await AssertUnchangedAsync(path);
    }

    [Fact]
    public async Task Apply_WithoutFieldManager_Returns422PatchOptions()
    {
        var ns = await _s.NewNamespaceAsync();
        var path = await CreateConfigMapAsync(ns);

        var response = await PatchAsync(path, """{"apiVersion":"v1","kind":"ConfigMap","data":{"a":"2"}}""", "application/apply-patch+yaml");

        var status = await StatusAssert.IsStatusAsync(response, 422, "Invalid");
        Assert.Equal("PatchOptions", (string?)status["details"]!["kind"]);
        Assert.Equal("meta.k8s.io", (string?)status["details"]!["group"]);
        Assert.Equal("fieldManager", (string?)status["details"]!["causes"]![0]!["field"]);
        await AssertUnchangedAsync(path);
    }

    [Fact]
    public async Task Apply_WithManagedFields_Returns400()
    {
        var ns = await _s.NewNamespaceAsync();
        var path = await CreateConfigMapAsync(ns);

        var response = await PatchAsync(path + "?fieldManager=test",
            """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"managedFields":[]},"data":{"a":"2"}}""", "application/apply-patch+yaml");

        var status = await StatusAssert.IsStatusAsync(response, 400, "BadRequest");
        Assert.Equal("metadata.managedFields must be nil", (string?)status["message"]);
        await AssertUnchangedAsync(path);
    }

    [Fact]
    public async Task Patch_ForceOnMergePatch_Returns422()
    {
        var ns = await _s.NewNamespaceAsync();
        var path = await CreateConfigMapAsync(ns);

        var response = await PatchAsync(path + "?force=true", """{"data":{"a":"2"}}""", "application/merge-patch+json");

        var status = await StatusAssert.IsStatusAsync(response, 422, "Invalid");
        Assert.Equal("force", (string?)status["details"]!["causes"]![0]!["field"]);
        await AssertUnchangedAsync(path);
    }

    [Fact]
    public async Task Post_DuplicateFieldWarn_StoresLastValueWithWarning()
    {
        var ns = await _s.NewNamespaceAsync();
        var content = new StringContent("""{"metadata":{"name":"dup","labels":{"a":"1","a":"2"}}}""", Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var response = await server.Http.PostAsync($"/api/v1/namespaces/{ns}/configmaps?fieldValidation=Warn", content);

        Assert.Equal(201, (int)response.StatusCode);
        Assert.Contains("299 - \"duplicate field \\\"metadata.labels.a\\\"\"", response.Headers.GetValues("Warning"));
        var stored = JsonNode.Parse(await server.Http.GetStringAsync($"/api/v1/namespaces/{ns}/configmaps/dup"))!;
        Assert.Equal("2", (string?)stored["metadata"]!["labels"]!["a"]);
    }

    private async Task<string> CreateConfigMapAsync(string ns)
    {
        (await K.RunAsync("create", "-f", _s.WriteFile(WriteScenario.ConfigMap(ns, "cfg", "  a: \"1\"\n")))).EnsureSuccess();
        return $"/api/v1/namespaces/{ns}/configmaps/cfg";
    }

    private Task<HttpResponseMessage> PatchAsync(string path, string body, string contentType)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return server.Http.SendAsync(request);
    }

    private async Task AssertUnchangedAsync(string path)
    {
        var stored = JsonNode.Parse(await server.Http.GetStringAsync(path))!;
        Assert.Equal("1", (string?)stored["data"]!["a"]);
    }
}
