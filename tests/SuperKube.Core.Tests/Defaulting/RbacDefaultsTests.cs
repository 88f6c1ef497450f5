namespace SuperKube.Defaulting.Tests;

public sealed class RbacDefaultsTests
{
    [Theory]
    [InlineData("RoleBinding")]
    [InlineData("ClusterRoleBinding")]
    public void Default_Binding_FillsRbacApiGroups(string kind)
    {
        DefaultingAssert.Defaults("rbac.authorization.k8s.io", kind,
            """
            {"roleRef":{"kind":"ClusterRole","name":"view"},
             "subjects":[{"kind":"User","name":"jane"},{"kind":"Group","name":"devs","apiGroup":"custom.io"},
                         {"kind":"ServiceAccount","name":"sa","namespace":"default"}]}
            """,
            """
            {"roleRef":{"kind":"ClusterRole","name":"view","apiGroup":"rbac.authorization.k8s.io"},
             "subjects":[{"kind":"User","name":"jane","apiGroup":"rbac.authorization.k8s.io"},
                         {"kind":"Group","name":"devs","apiGroup":"custom.io"},
                         {"kind":"ServiceAccount","name":"sa","namespace":"default"}]}
            """);
    }
}
