using System.Text.Json.Nodes;
using SuperKube.Admission;
using SuperKube.Api;
using SuperKube.Registry;
using SuperKube.Security.Tests;

namespace SuperKube.Security.Rbac.Tests;

public sealed class RbacEscalationCheckTests
{
    private const string Rbac = "rbac.authorization.k8s.io";
    private static readonly UserInfo Alice = new("alice", ["dev", "system:authenticated"]);

    private static readonly string PodReader = """
        {"metadata":{"name":"pod-reader","namespace":"team"},"rules":[{"apiGroups":[""],"resources":["pods"],"verbs":["get","list"]}]}
        """;

    private readonly FakeObjects _objects = new FakeObjects()
        .Add(Rbac, "roles", "team", PodReader)
        .Add(Rbac, "rolebindings", "team", Binding("alice-reads", "Role", "pod-reader", "alice"));

    private static string Binding(string name, string roleKind, string role, string user) => $$"""
        {"metadata":{"name":"{{name}}","namespace":"team"},"roleRef":{"apiGroup":"{{Rbac}}","kind":"{{roleKind}}","name":"{{role}}"},
         "subjects":[{"apiGroup":"{{Rbac}}","kind":"User","name":"{{user}}"}]}
        """;

    private static string Role(string name, string rules, string extra = "") =>
        $$"""{"metadata":{"name":"{{name}}","namespace":"team"},"rules":{{rules}}{{extra}}}""";

    private RbacEscalationCheck Check()
    {
        var rbac = new RbacAuthorizer(_objects);
        return new RbacEscalationCheck(rbac, rbac, _objects);
    }

    private static AdmissionRequest Request(string resource, string json, UserInfo user, string? old = null)
    {
        var type = BuiltInResources.Create().Single(t => t.Group == Rbac && t.Plural == resource);
        var obj = JsonNode.Parse(json)!.AsObject();
        return new AdmissionRequest
        {
            Operation = old is null ? AdmissionOperation.Create : AdmissionOperation.Update,
            Resource = type,
            Namespace = type.IsNamespaced ? "team" : "",
            Name = (string)obj["metadata"]!["name"]!,
            Object = obj,
            OldObject = old is null ? null : JsonNode.Parse(old)!.AsObject(),
            User = user,
        };
    }

    [Fact]
    public async Task ValidateAsync_RoleWithHeldPermissions_Allowed()
    {
        var role = Role("subset", """[{"apiGroups":[""],"resources":["pods"],"verbs":["get"]}]""");

        await Check().ValidateAsync(Request("roles", role, Alice), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task ValidateAsync_RoleWithUnheldVerb_ForbiddenWithUpstreamMessage()
    {
        var role = Role("deleter", """[{"apiGroups":[""],"resources":["pods"],"verbs":["get","delete","patch"]},{"nonResourceURLs":["/metrics"],"verbs":["get"]}]""");

        var error = await Assert.ThrowsAsync<ApiException>(() => Check().ValidateAsync(Request("roles", role, Alice), TestContext.Current.CancellationToken).AsTask());

        Assert.Equal(403, error.Code);
        Assert.Equal("Forbidden", error.Reason);
        Assert.Equal(
            "roles.rbac.authorization.k8s.io \"deleter\" is forbidden: user \"alice\" (groups=[\"dev\" \"system:authenticated\"]) is attempting to grant RBAC permissions not currently held:\n"
            + "{APIGroups:[\"\"], Resources:[\"pods\"], Verbs:[\"delete\" \"patch\"]}\n{NonResourceURLs:[\"/metrics\"], Verbs:[\"get\"]}",
            error.Message);
    }

    [Fact]
    public async Task ValidateAsync_EscalateVerb_AllowsAnyRules()
    {
        _objects.Add(Rbac, "roles", "team", Role("escalator", """[{"apiGroups":["rbac.authorization.k8s.io"],"resources":["roles"],"verbs":["escalate"]}]"""))
            .Add(Rbac, "rolebindings", "team", Binding("alice-escalates", "Role", "escalator", "alice"));
        var role = Role("powerful", """[{"apiGroups":["*"],"resources":["*"],"verbs":["*"]}]""");

        await Check().ValidateAsync(Request("roles", role, Alice), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task ValidateAsync_SystemMasters_Bypasses()
    {
        var root = new UserInfo("root", ["system:masters", "system:authenticated"]);

        await Check().ValidateAsync(Request("clusterroles", Role("all", """[{"apiGroups":["*"],"resources":["*"],"verbs":["*"]}]"""), root), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task ValidateAsync_AggregationRuleWithoutFullAuthority_Forbidden()
    {
        var role = Role("gatherer", "[]", ""","aggregationRule":{"clusterRoleSelectors":[{"matchLabels":{"x":"y"}}]}""");

        var error = await Assert.ThrowsAsync<ApiException>(() => Check().ValidateAsync(Request("clusterroles", role, Alice), TestContext.Current.CancellationToken).AsTask());

        Assert.Equal("clusterroles.rbac.authorization.k8s.io \"gatherer\" is forbidden: must have cluster-admin privileges to use the aggregationRule", error.Message);
    }

    [Fact]
    public async Task ValidateAsync_UpdateOfFinalizersOnly_NotChecked()
    {
        var old = Role("big", """[{"apiGroups":["*"],"resources":["*"],"verbs":["*"]}]""");
        var updated = old.Replace("\"namespace\":\"team\"", "\"namespace\":\"team\",\"finalizers\":[\"x/y\"]", StringComparison.Ordinal);

        await Check().ValidateAsync(Request("roles", updated, Alice, old), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task ValidateAsync_BindingToHeldRole_Allowed()
    {
        await Check().ValidateAsync(Request("rolebindings", Binding("bob-reads", "Role", "pod-reader", "bob"), Alice), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task ValidateAsync_BindingToUnheldClusterRole_Forbidden()
    {
        _objects.Add(Rbac, "clusterroles", "", """{"metadata":{"name":"secret-reader"},"rules":[{"apiGroups":[""],"resources":["secrets"],"verbs":["get"]}]}""");

        var error = await Assert.ThrowsAsync<ApiException>(() =>
            Check().ValidateAsync(Request("rolebindings", Binding("bob-secrets", "ClusterRole", "secret-reader", "bob"), Alice), TestContext.Current.CancellationToken).AsTask());

        Assert.Equal(403, error.Code);
        Assert.StartsWith("rolebindings.rbac.authorization.k8s.io \"bob-secrets\" is forbidden: user \"alice\"", error.Message);
        Assert.EndsWith("{APIGroups:[\"\"], Resources:[\"secrets\"], Verbs:[\"get\"]}", error.Message);
    }

    [Fact]
    public async Task ValidateAsync_BindVerbOnTheRoleName_AllowsBinding()
    {
        _objects.Add(Rbac, "clusterroles", "", """{"metadata":{"name":"secret-reader"},"rules":[{"apiGroups":[""],"resources":["secrets"],"verbs":["get"]}]}""")
            .Add(Rbac, "roles", "team", Role("binder", """[{"apiGroups":["rbac.authorization.k8s.io"],"resources":["clusterroles"],"verbs":["bind"],"resourceNames":["secret-reader"]}]"""))
            .Add(Rbac, "rolebindings", "team", Binding("alice-binds", "Role", "binder", "alice"));

        await Check().ValidateAsync(Request("rolebindings", Binding("bob-secrets", "ClusterRole", "secret-reader", "bob"), Alice), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task ValidateAsync_BindingToMissingRole_NotFound()
    {
        var error = await Assert.ThrowsAsync<ApiException>(() =>
            Check().ValidateAsync(Request("rolebindings", Binding("x", "Role", "nope", "bob"), Alice), TestContext.Current.CancellationToken).AsTask());

        Assert.Equal(404, error.Code);
        Assert.Equal("roles.rbac.authorization.k8s.io \"nope\" not found", error.Message);
    }
}
