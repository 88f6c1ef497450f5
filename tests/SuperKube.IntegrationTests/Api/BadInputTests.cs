using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using SuperKube.IntegrationTests.Infrastructure;

namespace SuperKube.IntegrationTests.Api;

/// <summary>Bad input on purpose: every rejection is a Kubernetes Status with the right code, and nothing is written.</summary>
public sealed class BadInputTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string ConfigMaps = "/api/v1/namespaces/default/configmaps";

    [Fact]
    public async Task Post_MalformedJson_Returns400Status()
    {
        var response = await PostAsync(ConfigMaps, "{\"metadata\": {\"name\": ", "application/json");

        await StatusAssert.IsStatusAsync(response, 400, "BadRequest");
    }

    [Fact]
    public async Task Post_MalformedYaml_Returns400Status()
    {
        var response = await PostAsync(ConfigMaps, "metadata: [unclosed", "application/yaml");

        await StatusAssert.IsStatusAsync(response, 400, "BadRequest");
    }

    [Fact]
    public async Task Post_DuplicateJsonKeysStrict_Returns400Status()
    {
        var response = await PostAsync(ConfigMaps + "?fieldValidation=Strict", "{\"metadata\":{\"name\":\"dup\",\"name\":\"dup2\"}}", "application/json");

        var status = await StatusAssert.IsStatusAsync(response, 400, "BadRequest");
        Assert.Contains("duplicate field \"metadata.name\"", (string?)status["message"]);
    }

    [Fact]
    public async Task Post_ProtobufGarbage_Returns400AndStoresNothing()
    {
        byte[] garbage = [0x6b, 0x38, 0x73, 0x00, 0x0a, 0xff, 0xff, 0xff, 0x0f, 0x01];
        var content = new ByteArrayContent(garbage);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.kubernetes.protobuf");

        var response = await server.Http.PostAsync(ConfigMaps, content);

        await StatusAssert.IsStatusAsync(response, 400, "BadRequest");
    }

    [Fact]
    public async Task Post_ProtobufWithoutEnvelope_Returns400()
    {
        var content = new ByteArrayContent("not protobuf at all"u8.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.kubernetes.protobuf");

        var response = await server.Http.PostAsync(ConfigMaps, content);

        await StatusAssert.IsStatusAsync(response, 400, "BadRequest");
    }

    [Fact]
    public async Task Get_UnknownResource_Returns404Status()
    {
        var response = await server.Http.GetAsync("/api/v1/namespaces/default/widgets");

        await StatusAssert.IsStatusAsync(response, 404, "NotFound");
    }

    [Fact]
    public async Task Get_MissingObject_Returns404WithResourceDetails()
    {
        var response = await server.Http.GetAsync("/apis/apps/v1/namespaces/default/deployments/nope");

        var status = await StatusAssert.IsStatusAsync(response, 404, "NotFound");
        Assert.Equal("deployments.apps \"nope\" not found", (string?)status["message"]);
        Assert.Equal("deployments", (string?)status["details"]?["kind"]);
    }

    [Fact]
    public async Task Post_Duplicate_Returns409AlreadyExists()
    {
        var body = "{\"metadata\":{\"name\":\"twice\"}}";
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(ConfigMaps, body, "application/json")).StatusCode);

        var response = await PostAsync(ConfigMaps, body, "application/json");

        await StatusAssert.IsStatusAsync(response, 409, "AlreadyExists");
    }

    [Fact]
    public async Task Post_InvalidNameAndLabel_Returns422WithFieldCauses()
    {
        var response = await PostAsync(ConfigMaps, "{\"metadata\":{\"name\":\"Bad_Name\",\"labels\":{\"ok\":\"bad value!\"}}}", "application/json");

        var status = await StatusAssert.IsStatusAsync(response, 422, "Invalid");
        var fields = status["details"]!["causes"]!.AsArray().Select(c => (string?)c!["field"]).ToList();
        Assert.Contains("metadata.name", fields);
        Assert.Contains("metadata.labels", fields);
        Assert.Equal("ConfigMap", (string?)status["details"]!["kind"]);
        Assert.Equal(HttpStatusCode.NotFound, (await server.Http.GetAsync(ConfigMaps + "/Bad_Name")).StatusCode);
    }

    [Fact]
    public async Task Post_BodyOver3MiB_Returns413()
    {
        var big = "{\"metadata\":{\"name\":\"big\"},\"data\":{\"k\":\"" + new string('x', 3 * 1024 * 1024 + 10) + "\"}}";

        var response = await PostAsync(ConfigMaps, big, "application/json");

        await StatusAssert.IsStatusAsync(response, 413, "RequestEntityTooLarge");
    }

    [Fact]
    public async Task Post_UnsupportedMediaType_Returns415()
    {
        var response = await PostAsync(ConfigMaps, "name=x", "text/plain");

        await StatusAssert.IsStatusAsync(response, 415, "UnsupportedMediaType");
    }

    [Fact]
    public async Task Put_StaleResourceVersion_Returns409ConflictAndKeepsObject()
    {
        var created = JsonNode.Parse(await (await PostAsync(ConfigMaps, "{\"metadata\":{\"name\":\"cas\"},\"data\":{\"v\":\"1\"}}", "application/json")).Content.ReadAsStringAsync())!;
        var rv = (string)created["metadata"]!["resourceVersion"]!;
        var first = new StringContent($"{{\"metadata\":{{\"name\":\"cas\",\"resourceVersion\":\"{rv}\"}},\"data\":{{\"v\":\"2\"}}}}", Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.OK, (await server.Http.PutAsync(ConfigMaps + "/cas", first)).StatusCode);

        var second = new StringContent($"{{\"metadata\":{{\"name\":\"cas\",\"resourceVersion\":\"{rv}\"}},\"data\":{{\"v\":\"3\"}}}}", Encoding.UTF8, "application/json");
        var response = await server.Http.PutAsync(ConfigMaps + "/cas", second);

        await StatusAssert.IsStatusAsync(response, 409, "Conflict");
        var stored = JsonNode.Parse(await server.Http.GetStringAsync(ConfigMaps + "/cas"))!;
        Assert.Equal("2", (string?)stored["data"]!["v"]);
    }

    [Fact]
    public async Task Post_NamespaceMissing_Returns404ForNamespace()
    {
        var response = await PostAsync("/api/v1/namespaces/does-not-exist/configmaps", "{\"metadata\":{\"name\":\"a\"}}", "application/json");

        var status = await StatusAssert.IsStatusAsync(response, 404, "NotFound");
        Assert.Equal("namespaces \"does-not-exist\" not found", (string?)status["message"]);
    }

    [Fact]
    public async Task Patch_MalformedJsonPatch_Returns400AndKeepsObject()
    {
        await PostAsync(ConfigMaps, "{\"metadata\":{\"name\":\"patchme\"},\"data\":{\"a\":\"1\"}}", "application/json");
        var request = new HttpRequestMessage(HttpMethod.Patch, ConfigMaps + "/patchme")
        {
            Content = new StringContent("{\"op\":\"replace\"}", Encoding.UTF8),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json-patch+json");

        var response = await server.Http.SendAsync(request);

        await StatusAssert.IsStatusAsync(response, 400, "BadRequest");
        var stored = JsonNode.Parse(await server.Http.GetStringAsync(ConfigMaps + "/patchme"))!;
        Assert.Equal("1", (string?)stored["data"]!["a"]);
    }

    [Fact]
    public async Task Watch_TooNewResourceVersion_Returns504Timeout()
    {
        var response = await server.Http.GetAsync(ConfigMaps + "?watch=true&resourceVersion=999999999");

        await StatusAssert.IsStatusAsync(response, 504, "Timeout");
    }

    private Task<HttpResponseMessage> PostAsync(string path, string body, string contentType)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return server.Http.PostAsync(path, content);
    }
}
