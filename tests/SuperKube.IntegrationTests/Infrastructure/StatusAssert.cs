using System.Text.Json.Nodes;

namespace SuperKube.IntegrationTests.Infrastructure;

/// <summary>Asserts that a response is a Kubernetes Status with the expected code and reason.</summary>
public static class StatusAssert
{
    public static async Task<JsonNode> IsStatusAsync(HttpResponseMessage response, int code, string reason)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == code, $"expected {code}, got {(int)response.StatusCode}: {text}");
        var status = JsonNode.Parse(text)!;
        Assert.Equal("Status", (string?)status["kind"]);
        Assert.Equal(reason, (string?)status["reason"]);
        Assert.Equal(code, (int?)status["code"]);
        return status;
    }
}
