using SuperKube.Security.Tests;

namespace SuperKube.Security.Rbac.Tests;

public sealed class RbacAuthorizerTests
{
    private const string Rbac = "rbac.authorization.k8s.io";

    private static FakeObjects Defaults()
    {
        var objects = new FakeObjects();
        foreach (var role in DefaultRoles.ClusterRoles())
        {
            objects.Add(Rbac, "clusterroles", "", role.ToJsonString());
        }

        foreach (var binding in DefaultRoles.ClusterRoleBindings())
        {
            objects.Add(Rbac, "clusterrolebindings", "", binding.ToJsonString());
        }

        return objects;
    }

    private static AuthorizationAttributes Request(UserInfo user, string verb, string resource, string ns, string group = "", string subresource = "") =>
        new(user, verb, group, resource, subresource, ns, "", IsResourceRequest: true, Path: "");

    private static string RoleBinding(string name, string ns, string roleKind, string role, string subjectKind, string subject, string subjectNs = "") => $$"""
        {"metadata":{"name":"{{name}}","namespace":"{{ns}}"},"roleRef":{"apiGroup":"{{Rbac}}","kind":"{{roleKind}}","name":"{{role}}"},
         "subjects":[{"kind":"{{subjectKind}}","name":"{{subject}}"{{(subjectNs.Length > 0 ? $",\"namespace\":\"{subjectNs}\"" : "")}}}]}
        """;

    [Fact]
    public void Allows_SystemMasters_EverythingViaClusterAdmin()
    {
        var authorizer = new RbacAuthorizer(Defaults());
        var admin = new UserInfo("root", ["system:masters", "system:authenticated"]);

        Assert.True(authorizer.Allows(Request(admin, "delete", "nodes", "")));
        Assert.True(authorizer.Allows(new AuthorizationAttributes(admin, "get", "", "", "", "", "", false, "/metrics")));
    }

    [Fact]
    public void Allows_ViewRoleBinding_ReadsInItsNamespaceOnly()
    {
        var objects = Defaults().Add(Rbac, "rolebindings", "team", RoleBinding("jane-view", "team", "ClusterRole", "view", "User", "jane"));
        var authorizer = new RbacAuthorizer(objects);
        var jane = new UserInfo("jane", ["system:authenticated"]);

        Assert.True(authorizer.Allows(Request(jane, "list", "pods", "team")));
        Assert.True(authorizer.Allows(Request(jane, "get", "deployments", "team", "apps")));
        Assert.False(authorizer.Allows(Request(jane, "delete", "pods", "team")));
        Assert.False(authorizer.Allows(Request(jane, "get", "secrets", "team")));
        Assert.False(authorizer.Allows(Request(jane, "list", "pods", "other")));
        Assert.False(authorizer.Allows(Request(jane, "list", "pods", "")));
    }

    [Fact]
    public void ClusterRoleRules_AggregatedRoles_CollectLabelledRoles()
    {
        var authorizer = new RbacAuthorizer(Defaults());

        var view = authorizer.ClusterRoleRules("view");
        var admin = authorizer.ClusterRoleRules("admin");

        Assert.Contains(view, r => r.Resources.Contains("pods") && r.Verbs.Contains("list"));
        Assert.DoesNotContain(view, r => r.Resources.Contains("secrets"));
        Assert.Contains(admin, r => r.Resources.Contains("rolebindings"));
        Assert.Contains(admin, r => r.Resources.Contains("secrets") && r.Verbs.Contains("delete"));
        Assert.Empty(authorizer.ClusterRoleRules("missing"));
    }

    [Fact]
    public void ClusterRoleRules_CustomRoleWithAggregateLabel_JoinsView()
    {
        var objects = Defaults().Add(Rbac, "clusterroles", "", """
            {"metadata":{"name":"widgets-view","labels":{"rbac.authorization.k8s.io/aggregate-to-view":"true"}},
             "rules":[{"verbs":["get"],"apiGroups":["example.com"],"resources":["widgets"]}]}
            """);
        var authorizer = new RbacAuthorizer(objects);

        Assert.Contains(authorizer.ClusterRoleRules("view"), r => r.Resources.Contains("widgets"));
        Assert.Contains(authorizer.ClusterRoleRules("admin"), r => r.Resources.Contains("widgets"));
    }

    [Fact]
    public void Allows_RoleAndServiceAccountSubject_UsesBindingNamespace()
    {
        var objects = Defaults()
            .Add(Rbac, "roles", "ci", """{"metadata":{"name":"cm-writer","namespace":"ci"},"rules":[{"verbs":["create"],"apiGroups":[""],"resources":["configmaps"]}]}""")
            .Add(Rbac, "rolebindings", "ci", RoleBinding("b", "ci", "Role", "cm-writer", "ServiceAccount", "builder"));
        var authorizer = new RbacAuthorizer(objects);
        var builder = new UserInfo("system:serviceaccount:ci:builder", ["system:serviceaccounts", "system:authenticated"]);
        var impostor = new UserInfo("system:serviceaccount:other:builder", ["system:serviceaccounts", "system:authenticated"]);

        Assert.True(authorizer.Allows(Request(builder, "create", "configmaps", "ci")));
        Assert.False(authorizer.Allows(Request(impostor, "create", "configmaps", "ci")));
    }

    [Fact]
    public void Allows_AuthenticatedGroup_DiscoveryAndSelfReviewsOnly()
    {
        var authorizer = new RbacAuthorizer(Defaults());
        var nobody = new UserInfo("nobody", ["system:authenticated"]);

        Assert.True(authorizer.Allows(new AuthorizationAttributes(nobody, "get", "", "", "", "", "", false, "/apis/apps/v1")));
        Assert.True(authorizer.Allows(Request(nobody, "create", "selfsubjectaccessreviews", "", "authorization.k8s.io")));
        Assert.False(authorizer.Allows(Request(nobody, "list", "pods", "default")));
    }

    [Fact]
    public void Describe_Forbidden_MatchesUpstreamWording()
    {
        var jane = new UserInfo("jane", []);

        var ns = ForbiddenMessage.Exception(new AuthorizationAttributes(jane, "list", "", "pods", "", "y", "", true, ""), "");
        var named = ForbiddenMessage.Exception(new AuthorizationAttributes(jane, "delete", "apps", "deployments", "", "y", "web", true, ""), "");
        var cluster = ForbiddenMessage.Exception(new AuthorizationAttributes(jane, "create", "", "pods", "exec", "", "p", true, ""), "");

        Assert.Equal("pods is forbidden: User \"jane\" cannot list resource \"pods\" in API group \"\" in the namespace \"y\"", ns.Message);
        Assert.Equal("deployments.apps \"web\" is forbidden: User \"jane\" cannot delete resource \"deployments\" in API group \"apps\" in the namespace \"y\"", named.Message);
        Assert.Equal("pods \"p\" is forbidden: User \"jane\" cannot create resource \"pods/exec\" in API group \"\" at the cluster scope", cluster.Message);
        Assert.Equal(403, ns.Code);
    }
}
