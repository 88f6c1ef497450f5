using System.Text.Json.Nodes;

namespace SuperKube.Admission.Webhooks.Tests;

public sealed class WebhookRuleTests
{
    [Theory]
    [InlineData("pods", "", true)]
    [InlineData("pods", "status", false)]
    [InlineData("pods/status", "status", true)]
    [InlineData("pods/status", "", false)]
    [InlineData("*", "", true)]
    [InlineData("*", "status", false)]
    [InlineData("*/status", "status", true)]
    [InlineData("*/*", "binding", true)]
    [InlineData("deployments", "", false)]
    public void Matches_ResourceEntries_FollowUpstreamSubresourceRules(string entry, string subresource, bool expected)
    {
        var rule = Rule($$"""{"operations":["*"],"apiGroups":[""],"apiVersions":["v1"],"resources":["{{entry}}"]}""");

        Assert.Equal(expected, rule.Matches("UPDATE", "", "v1", "pods", subresource, namespaced: true));
    }

    [Fact]
    public void Matches_OperationGroupOrVersionNotListed_DoesNotMatch()
    {
        var rule = Rule("""{"operations":["CREATE"],"apiGroups":["apps"],"apiVersions":["v1"],"resources":["deployments"]}""");

        Assert.True(rule.Matches("CREATE", "apps", "v1", "deployments", "", namespaced: true));
        Assert.False(rule.Matches("DELETE", "apps", "v1", "deployments", "", namespaced: true));
        Assert.False(rule.Matches("CREATE", "", "v1", "deployments", "", namespaced: true));
        Assert.False(rule.Matches("CREATE", "apps", "v1beta1", "deployments", "", namespaced: true));
    }

    [Theory]
    [InlineData("Cluster", false, true)]
    [InlineData("Cluster", true, false)]
    [InlineData("Namespaced", true, true)]
    [InlineData("Namespaced", false, false)]
    [InlineData("*", false, true)]
    public void Matches_Scope_ComparesWithWhetherTheRequestHasANamespace(string scope, bool namespaced, bool expected)
    {
        var rule = Rule($$"""{"operations":["*"],"apiGroups":["*"],"apiVersions":["*"],"resources":["*"],"scope":"{{scope}}"}""");

        Assert.Equal(expected, rule.Matches("CREATE", "", "v1", "things", "", namespaced));
    }

    private static WebhookRule Rule(string json) => WebhookRule.Parse(JsonNode.Parse(json)!.AsObject());
}
