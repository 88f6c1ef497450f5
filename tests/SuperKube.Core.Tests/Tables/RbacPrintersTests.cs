namespace SuperKube.Tables.Tests;

public class RbacPrintersTests
{
    [Fact]
    public void RoleBindings_Row_RoleAndSubjectsByKind()
    {
        var cells = TableTestData.Cells(RbacPrinters.Bindings, """
            {"metadata":{"name":"rb"},"roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"view"},
             "subjects":[{"kind":"User","name":"alice"},{"kind":"User","name":"bob"},{"kind":"Group","name":"devs"},
                         {"kind":"ServiceAccount","namespace":"ci","name":"builder"}]}
            """);

        Assert.Equal("ClusterRole/view", cells["Role"]);
        Assert.Equal("alice, bob", cells["Users"]);
        Assert.Equal("devs", cells["Groups"]);
        Assert.Equal("ci:builder", cells["ServiceAccounts"]);
    }
}
