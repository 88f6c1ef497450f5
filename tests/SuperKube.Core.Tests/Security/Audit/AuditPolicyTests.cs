using SuperKube.Objects;

namespace SuperKube.Security.Audit.Tests;

public sealed class AuditPolicyTests
{
    private static readonly UserInfo Jane = new("jane", ["dev", "system:authenticated"]);

    private static AuditPolicy Policy(string rules, string extra = "") =>
        AuditPolicy.Parse(YamlJson.Parse($"apiVersion: audit.k8s.io/v1\nkind: Policy\n{extra}rules:\n{rules}"));

    private static AuthorizationAttributes Resource(string verb, string group, string resource, string ns = "default", string name = "", string sub = "") =>
        new(Jane, verb, group, resource, sub, ns, name, true, "");

    private static AuthorizationAttributes Path(string path) => new(Jane, "get", "", "", "", "", "", false, path);

    [Fact]
    public void Evaluate_FirstMatchingRuleWins_NoMatchIsNone()
    {
        var policy = Policy("""
            - level: None
              users: ["system:kube-proxy"]
            - level: Metadata
              resources: [{group: "", resources: ["secrets"]}]
            - level: RequestResponse
              verbs: ["create"]
            """);

        Assert.Equal(AuditLevel.Metadata, policy.Evaluate(Resource("create", "", "secrets"), Jane).Level);
        Assert.Equal(AuditLevel.RequestResponse, policy.Evaluate(Resource("create", "", "configmaps"), Jane).Level);
        Assert.Equal(AuditLevel.None, policy.Evaluate(Resource("get", "", "configmaps"), Jane).Level);
    }

    [Fact]
    public void Evaluate_UsersGroupsNamespacesAndNames_AllMustMatch()
    {
        var policy = Policy("""
            - level: Request
              userGroups: ["dev"]
              namespaces: ["team"]
              resources: [{group: "apps", resources: ["deployments"], resourceNames: ["web"]}]
            """);

        Assert.Equal(AuditLevel.Request, policy.Evaluate(Resource("get", "apps", "deployments", "team", "web"), Jane).Level);
        Assert.Equal(AuditLevel.None, policy.Evaluate(Resource("get", "apps", "deployments", "team", "db"), Jane).Level);
        Assert.Equal(AuditLevel.None, policy.Evaluate(Resource("get", "apps", "deployments", "other", "web"), Jane).Level);
        Assert.Equal(AuditLevel.None, policy.Evaluate(Resource("get", "apps", "deployments", "team", "web"), new UserInfo("bob", ["ops"])).Level);
        Assert.Equal(AuditLevel.None, policy.Evaluate(Resource("get", "apps", "deployments", "team", "web"), null).Level);
    }

    [Fact]
    public void Evaluate_SubresourcePatterns_AsUpstream()
    {
        var policy = Policy("""
            - level: Metadata
              resources: [{group: "", resources: ["pods/log", "*/status", "nodes/*"]}]
            """);

        Assert.Equal(AuditLevel.Metadata, policy.Evaluate(Resource("get", "", "pods", sub: "log"), Jane).Level);
        Assert.Equal(AuditLevel.Metadata, policy.Evaluate(Resource("patch", "", "services", sub: "status"), Jane).Level);
        Assert.Equal(AuditLevel.Metadata, policy.Evaluate(Resource("get", "", "nodes", "", "n1", "proxy"), Jane).Level);
        Assert.Equal(AuditLevel.Metadata, policy.Evaluate(Resource("get", "", "nodes", "", "n1"), Jane).Level);
        Assert.Equal(AuditLevel.None, policy.Evaluate(Resource("get", "", "pods"), Jane).Level);
    }

    [Fact]
    public void Evaluate_NonResourceUrls_PrefixWildcards_NeverResourceRequests()
    {
        var policy = Policy("""
            - level: None
              nonResourceURLs: ["/healthz*", "/version"]
            - level: Metadata
            """);

        Assert.Equal(AuditLevel.None, policy.Evaluate(Path("/healthz/etcd"), Jane).Level);
        Assert.Equal(AuditLevel.None, policy.Evaluate(Path("/version"), Jane).Level);
        Assert.Equal(AuditLevel.Metadata, policy.Evaluate(Path("/apis"), Jane).Level);
        Assert.Equal(AuditLevel.Metadata, policy.Evaluate(Resource("get", "", "pods"), Jane).Level);
    }

    [Fact]
    public void Evaluate_OmitStages_PolicyAndRuleCombined()
    {
        var policy = Policy("- level: Metadata\n  omitStages: [\"ResponseComplete\"]\n", "omitStages: [\"RequestReceived\"]\n");

        Assert.Equal(["RequestReceived", "ResponseComplete"], policy.Evaluate(Path("/api"), Jane).OmitStages);
    }

    [Theory]
    [InlineData("apiVersion: v1\nkind: ConfigMap\n", "expected apiVersion audit.k8s.io/v1 and kind Policy")]
    [InlineData("apiVersion: audit.k8s.io/v1\nkind: Policy\nrules: []\n", "rules: at least one rule is required")]
    [InlineData("apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n- level: metadata\n", "rules[0].level: Unsupported value: \"metadata\"")]
    [InlineData("apiVersion: audit.k8s.io/v1\nkind: Policy\nomitStages: [Done]\nrules:\n- level: None\n", "omitStages: Unsupported value: \"Done\"")]
    [InlineData("apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n- level: None\n  nonResourceURLs: [/x]\n  namespaces: [a]\n", "rules[0]: rules cannot apply to both")]
    public void Parse_InvalidPolicy_SaysWhat(string yaml, string message)
    {
        var error = Assert.Throws<FormatException>(() => AuditPolicy.Parse(YamlJson.Parse(yaml)));

        Assert.StartsWith(message, error.Message);
    }
}
