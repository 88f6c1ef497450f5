namespace SuperKube.Security.Rbac.Tests;

public sealed class RuleMatcherTests
{
    private static readonly UserInfo Jane = new("jane", ["system:authenticated"]);

    private static AuthorizationAttributes Resource(string verb, string group, string resource, string subresource = "", string name = "") =>
        new(Jane, verb, group, resource, subresource, "ns", name, IsResourceRequest: true, Path: "");

    private static AuthorizationAttributes Path(string verb, string path) => new(Jane, verb, "", "", "", "", "", IsResourceRequest: false, Path: path);

    private static PolicyRule Rule(string[] verbs, string[] groups, string[] resources, string[]? names = null) => new(verbs, groups, resources, names ?? [], []);

    [Theory]
    [InlineData("get", "", "pods", "", true)]
    [InlineData("delete", "", "pods", "", false)]
    [InlineData("get", "apps", "pods", "", false)]
    [InlineData("get", "", "services", "", false)]
    [InlineData("get", "", "pods", "log", false)]
    public void Allows_ExactRule_MatchesVerbGroupAndResource(string verb, string group, string resource, string subresource, bool expected)
    {
        var rule = Rule(["get", "list"], [""], ["pods"]);

        Assert.Equal(expected, RuleMatcher.Allows(rule, Resource(verb, group, resource, subresource)));
    }

    [Fact]
    public void Allows_Wildcards_MatchEverythingIncludingSubresources()
    {
        var rule = Rule(["*"], ["*"], ["*"]);

        Assert.True(RuleMatcher.Allows(rule, Resource("delete", "apps", "deployments")));
        Assert.True(RuleMatcher.Allows(rule, Resource("create", "", "pods", "exec")));
    }

    [Fact]
    public void Allows_SubresourceForms_MatchOnlyTheirSubresources()
    {
        var podsStar = Rule(["get"], [""], ["pods/*"]);
        var anyStatus = Rule(["get"], ["*"], ["*/status"]);
        var log = Rule(["get"], [""], ["pods/log"]);

        Assert.True(RuleMatcher.Allows(podsStar, Resource("get", "", "pods", "log")));
        Assert.False(RuleMatcher.Allows(podsStar, Resource("get", "", "pods")));
        Assert.True(RuleMatcher.Allows(anyStatus, Resource("get", "apps", "deployments", "status")));
        Assert.False(RuleMatcher.Allows(anyStatus, Resource("get", "apps", "deployments", "scale")));
        Assert.True(RuleMatcher.Allows(log, Resource("get", "", "pods", "log")));
        Assert.False(RuleMatcher.Allows(log, Resource("get", "", "pods", "exec")));
    }

    [Fact]
    public void Allows_ResourceNames_OnlyNamedRequests()
    {
        var rule = Rule(["get", "list"], [""], ["configmaps"], ["settings"]);

        Assert.True(RuleMatcher.Allows(rule, Resource("get", "", "configmaps", name: "settings")));
        Assert.False(RuleMatcher.Allows(rule, Resource("get", "", "configmaps", name: "other")));
        Assert.False(RuleMatcher.Allows(rule, Resource("list", "", "configmaps")));
    }

    [Theory]
    [InlineData("/healthz", "get", true)]
    [InlineData("/healthz/etcd", "get", false)]
    [InlineData("/apis/apps/v1", "get", true)]
    [InlineData("/apis", "get", false)]
    [InlineData("/metrics", "get", false)]
    [InlineData("/healthz", "post", false)]
    public void Allows_NonResourceUrls_ExactOrStarPrefix(string path, string verb, bool expected)
    {
        var rule = new PolicyRule(["get"], [], [], [], ["/healthz", "/apis/*"]);

        Assert.Equal(expected, RuleMatcher.Allows(rule, Path(verb, path)));
    }

    [Fact]
    public void Allows_ResourceRuleAndNonResourceRequest_DoNotMix()
    {
        var resourceRule = Rule(["get"], ["*"], ["*"]);
        var urlRule = new PolicyRule(["get"], [], [], [], ["*"]);

        Assert.False(RuleMatcher.Allows(resourceRule, Path("get", "/api")));
        Assert.False(RuleMatcher.Allows(urlRule, Resource("get", "", "pods")));
    }
}
