using static SuperKube.Validation.Tests.TestObjects;

namespace SuperKube.Validation.Tests;

public sealed class RbacValidatorTests
{
    private const string RoleRef = """{"apiGroup":"rbac.authorization.k8s.io","kind":"Role","name":"reader"}""";

    [Fact]
    public void Role_ValidRules_NoErrors() =>
        Assert.Empty(RbacValidator.Role(Obj("""{"rules":[{"apiGroups":[""],"resources":["pods"],"verbs":["get"],"resourceNames":["a"]}]}"""), null));

    [Fact]
    public void Role_MissingVerbsGroupsAndUrlsInNamespace_Reported()
    {
        var errors = RbacValidator.Role(Obj("""{"rules":[{"resources":["pods"]},{"verbs":["get"],"nonResourceURLs":["/x"],"resources":["pods"]}]}"""), null);

        Assert.Equal(
            """
            rules[0].verbs: Required value: verbs must contain at least one value
            rules[0].apiGroups: Required value: resource rules must supply at least one api group
            rules[1].nonResourceURLs: Invalid value: []string{"/x"}: namespaced rules cannot apply to non-resource URLs
            rules[1].nonResourceURLs: Invalid value: []string{"/x"}: rules cannot apply to both regular resources and non-resource URLs
            """.ReplaceLineEndings("\n"),
            Lines(errors));
    }

    [Fact]
    public void ClusterRole_UrlsAllowed_EmptyAggregationRuleRejected()
    {
        var errors = RbacValidator.ClusterRole(Obj("""{"rules":[{"verbs":["get"],"nonResourceURLs":["/metrics"]}],"aggregationRule":{}}"""), null);

        Assert.Equal("aggregationRule.clusterRoleSelectors: Required value: at least one clusterRoleSelector required if aggregationRule is non-nil", Lines(errors));
    }

    [Fact]
    public void RoleBinding_BadRoleRefAndSubjects_Reported()
    {
        var binding = Obj("""
            {"roleRef":{"apiGroup":"x","kind":"Secret","name":"a/b"},
             "subjects":[{"kind":"User","name":"u"},{"kind":"Robot","name":"r"},{"kind":"ServiceAccount","apiGroup":"x","name":""}]}
            """);

        var errors = RbacValidator.RoleBinding(binding, null);

        Assert.Equal(
            """
            roleRef.apiGroup: Unsupported value: "x": supported values: "rbac.authorization.k8s.io"
            roleRef.kind: Unsupported value: "Secret": supported values: "Role", "ClusterRole"
            roleRef.name: Invalid value: "a/b": may not contain '/'
            subjects[0].apiGroup: Unsupported value: "": supported values: "rbac.authorization.k8s.io"
            subjects[1].kind: Unsupported value: "Robot": supported values: "ServiceAccount", "User", "Group"
            subjects[2].name: Required value
            subjects[2].apiGroup: Unsupported value: "x": supported values: ""
            """.ReplaceLineEndings("\n"),
            Lines(errors));
    }

    [Fact]
    public void ClusterRoleBinding_RoleKindAndServiceAccountWithoutNamespace_Rejected()
    {
        var errors = RbacValidator.ClusterRoleBinding(Obj($$"""{"roleRef":{{RoleRef}},"subjects":[{"kind":"ServiceAccount","name":"sa"}]}"""), null);

        Assert.Equal(
            """
            roleRef.kind: Unsupported value: "Role": supported values: "ClusterRole"
            subjects[0].namespace: Required value
            """.ReplaceLineEndings("\n"),
            Lines(errors));
    }

    [Fact]
    public void RoleBinding_RoleRefChanged_CannotChange()
    {
        var old = Obj($$"""{"roleRef":{{RoleRef}}}""");
        var updated = Obj($$"""{"roleRef":{{RoleRef.Replace("reader", "writer", StringComparison.Ordinal)}}}""");

        var errors = RbacValidator.RoleBinding(updated, old);

        Assert.StartsWith("roleRef: Invalid value: ", Lines(errors));
        Assert.EndsWith(": cannot change roleRef", Lines(errors));
    }
}
