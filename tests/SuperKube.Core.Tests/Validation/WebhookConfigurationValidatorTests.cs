using System.Text.Json.Nodes;

namespace SuperKube.Validation.Tests;

public sealed class WebhookConfigurationValidatorTests
{
    private const string Valid = """
        {"name":"a.b.c","clientConfig":{"url":"https://127.0.0.1:9443/x","caBundle":"Zm9v"},
         "rules":[{"operations":["CREATE"],"apiGroups":[""],"apiVersions":["v1"],"resources":["pods"]}],
         "sideEffects":"None","admissionReviewVersions":["v1"],"timeoutSeconds":5}
        """;

    [Fact]
    public void Mutating_ValidWebhook_HasNoErrors()
    {
        Assert.Empty(WebhookConfigurationValidator.Mutating(Config(Valid), null));
    }

    [Theory]
    [InlineData("name", "\"ab\"", "webhooks[0].name: Invalid value: \"ab\": should be a domain with at least three segments separated by dots")]
    [InlineData("caBundle", "\"not base64!\"", "webhooks[0].clientConfig.caBundle: Invalid value: <bytes>: must be base64-encoded PEM certificates")]
    [InlineData("url", "\"https://h/x?q=1\"", "webhooks[0].clientConfig.url: Invalid value: \"q=1\": query parameters are not permitted in the URL")]
    [InlineData("reinvocationPolicy", "\"Always\"", "webhooks[0].reinvocationPolicy: Unsupported value: \"Always\": supported values: \"IfNeeded\", \"Never\"")]
    [InlineData("operations", "[\"*\",\"CREATE\"]", "webhooks[0].rules[0].operations: Invalid value: []string{\"*\", \"CREATE\"}: if '*' is present, must not specify other operations")]
    [InlineData("scope", "\"Anywhere\"", "webhooks[0].rules[0].scope: Unsupported value: \"Anywhere\": supported values: \"*\", \"Cluster\", \"Namespaced\"")]
    [InlineData("timeoutSeconds", "0", "webhooks[0].timeoutSeconds: Invalid value: 0: the timeout value must be between 1 and 30 seconds")]
    public void Mutating_OneBadField_ReportsUpstreamError(string field, string value, string expected)
    {
        var webhook = JsonNode.Parse(Valid)!.AsObject();
        var target = field switch
        {
            "caBundle" or "url" => webhook["clientConfig"]!.AsObject(),
            "operations" or "scope" => webhook["rules"]![0]!.AsObject(),
            _ => webhook,
        };
        target[field] = JsonNode.Parse(value);

        var errors = WebhookConfigurationValidator.Mutating(new JsonObject { ["webhooks"] = new JsonArray(webhook) }, null);

        Assert.Equal(expected, Assert.Single(errors).ToString());
    }

    [Fact]
    public void Validating_ServiceWithoutNameAndBadPath_Reported()
    {
        var webhook = JsonNode.Parse(Valid)!.AsObject();
        webhook["clientConfig"] = JsonNode.Parse("""{"service":{"namespace":"ns","path":"x","port":70000}}""");

        var errors = WebhookConfigurationValidator.Validating(new JsonObject { ["webhooks"] = new JsonArray(webhook) }, null).Select(e => e.ToString()).ToList();

        Assert.Equal(
            [
                "webhooks[0].clientConfig.service.name: Required value: service name is required",
                "webhooks[0].clientConfig.service.path: Invalid value: \"x\": must start with a '/'",
                "webhooks[0].clientConfig.service.port: Invalid value: 70000: port is not valid: must be between 1 and 65535, inclusive",
            ],
            errors);
    }

    private static JsonObject Config(string webhook) => new() { ["webhooks"] = new JsonArray(JsonNode.Parse(webhook)) };
}
