namespace SuperKube.Defaulting.Tests;

public sealed class BuiltInDefaultersTests
{
    [Theory]
    [InlineData("", "ConfigMap")]
    [InlineData("", "ServiceAccount")]
    [InlineData("", "ResourceQuota")]
    [InlineData("", "Event")]
    [InlineData("coordination.k8s.io", "Lease")]
    [InlineData("rbac.authorization.k8s.io", "Role")]
    [InlineData("policy", "PodDisruptionBudget")]
    [InlineData("networking.k8s.io", "Ingress")]
    [InlineData("example.com", "Widget")]
    public void For_KindWithoutDefaults_ReturnsNull(string group, string kind)
    {
        Assert.Null(BuiltInDefaulters.For(group, kind));
    }

    [Theory]
    [InlineData("", "Pod")]
    [InlineData("apps", "Deployment")]
    [InlineData("batch", "CronJob")]
    [InlineData("", "Service")]
    [InlineData("rbac.authorization.k8s.io", "ClusterRoleBinding")]
    public void For_KindWithDefaults_ReturnsDefaulter(string group, string kind)
    {
        Assert.NotNull(BuiltInDefaulters.For(group, kind));
    }

    [Fact]
    public void For_SameKindInOtherGroup_ReturnsNull()
    {
        Assert.Null(BuiltInDefaulters.For("apps", "Pod"));
    }
}
